using System.Diagnostics;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Hosting;
using Federation.Host;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// The one-command host's program (the gateway over embedded subgraphs), run as an operator runs it, on a catalogue that fails a check: it exits 1
/// and prints the check's errors with their codes — no stack trace, no unhandled exception.
/// </summary>
public sealed class FailedStartTests
{
    [Fact]
    public async Task A_catalogue_that_does_not_load_prints_its_errors_with_their_lines()
    {
        using var directory = new TemporaryDirectory();
        var catalogue = Path.Combine(directory.Path, CatalogueFiles.FileName);
        File.WriteAllText(catalogue, Committed().Replace("class: NOT_SHARED", "class: SECRET", StringComparison.Ordinal));

        var (exitCode, output, error) = await RunAsync(directory.Path, catalogue);

        Assert.Equal(1, exitCode);
        Assert.Contains($"The gateway did not start: The share catalogue {catalogue} is not valid", error, StringComparison.Ordinal);
        Assert.Contains(": CATALOGUE_INVALID_VALUE: resource population.contact-phone: \"class\" is \"SECRET\"", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    [Fact]
    public async Task A_catalogue_that_does_not_cover_the_supergraph_prints_the_uncovered_fields_and_the_draft_command()
    {
        using var directory = new TemporaryDirectory();
        var catalogue = Path.Combine(directory.Path, CatalogueFiles.FileName);
        File.WriteAllText(catalogue, Committed().Replace("      - Person.gender\n", "", StringComparison.Ordinal));

        var (exitCode, output, error) = await RunAsync(directory.Path, catalogue);

        Assert.Equal(1, exitCode);
        Assert.Contains("The gateway did not start: The share catalogue does not cover the supergraph (1 errors):", error, StringComparison.Ordinal);
        Assert.Contains("CATALOGUE_FIELD_UNCOVERED: Field \"Person.gender\" is covered by no resource of the share catalogue.", error, StringComparison.Ordinal);
        Assert.Contains("`catalogue draft --subgraph population --agency <credit code>`", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    [Fact]
    public async Task A_supergraph_file_that_is_no_supergraph_is_named()
    {
        using var directory = new TemporaryDirectory();
        var supergraph = Path.Combine(directory.Path, "supergraph.graphql");
        File.WriteAllText(supergraph, "type Query { a: String }");

        var (exitCode, output, error) = await RunAsync(directory.Path, Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName), $"--Gateway:SupergraphFile={supergraph}");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The gateway did not start: ", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    [Fact]
    public async Task The_gateway_alone_without_its_signing_secret_says_what_is_missing()
    {
        using var directory = new TemporaryDirectory();

        var (exitCode, output, error) = await RunProgramAsync(
            typeof(GatewayService).Assembly.Location,
            directory.Path,
            ["--Urls=http://127.0.0.1:0", $"--Gateway:CatalogueFile={Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)}"]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("The gateway did not start: The gateway needs GatewaySignature:Secret", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    private static string Committed() => File.ReadAllText(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName));

    private static void AssertNoStackTrace(string output, string error)
    {
        Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", output + error, StringComparison.Ordinal);
    }

    /// <summary>The one-command host's program with the embedded subgraphs (a small demo world) and the catalogue given.</summary>
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string directory, string catalogue, params string[] more) =>
        RunProgramAsync(
            typeof(EmbeddedSubgraphs).Assembly.Location,
            directory,
            ["--Urls=http://127.0.0.1:0", "--Embedded:Persons=50", $"--Gateway:CatalogueFile={catalogue}", $"--Authentication:DevelopmentKeyFile={Path.Combine(directory, "development-signing-key")}", $"--Audit:SpoolDirectory={Path.Combine(directory, "audit-spool")}", $"--Audit:DevelopmentKeyDirectory={directory}", .. more]);

    private static async Task<(int ExitCode, string Output, string Error)> RunProgramAsync(string program, string directory, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in new[] { program }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(true);
            }
        }
    }
}
