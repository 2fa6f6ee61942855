using System.Diagnostics;
using System.Text.Json;

namespace Federation.Subgraphs.Hosting.Tests.Schemas;

/// <summary>
/// The four agency subgraphs compose under Apollo's composition (@apollo/composition 2.14.4,
/// run by tests/peer/compose-subgraphs.mjs), the composition any federation v2 router uses.
/// </summary>
public sealed class CompositionTests
{
    // One node run for all the tests that read the composition of the four subgraphs.
    private static readonly Lazy<Task<JsonElement>> AgencyComposition =
        new(() => ComposeAsync([.. AgencySchemas.Names.Select(AgencySchemas.PathOf)]));

    [Fact]
    public async Task The_four_subgraphs_compose_without_errors_or_hints()
    {
        var result = await AgencyComposition.Value;

        Assert.Empty(Messages(result, "errors"));
        // Hints flag inconsistencies between subgraphs (e.g. differing descriptions of a shared type).
        Assert.Empty(Messages(result, "hints"));
        var supergraph = result.GetProperty("supergraphSdl").GetString()!;
        Assert.Contains("join__Graph", supergraph, StringComparison.Ordinal);
        foreach (var graph in new[] { "POPULATION", "LEGAL_PERSONS", "SPATIAL", "LICENCES" })
        {
            Assert.Contains($"@join__type(graph: {graph}, key: ", supergraph, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Person", "licences")]
    [InlineData("Person", "parcels")]
    [InlineData("Person", "representedLegalPersons")]
    [InlineData("Person", "registeredDivision")]
    [InlineData("LegalPerson", "legalRepresentative")]
    [InlineData("LegalPerson", "licences")]
    [InlineData("LegalPerson", "parcels")]
    [InlineData("LegalPerson", "division")]
    [InlineData("Licence", "holder")]
    [InlineData("Parcel", "rightHolders")]
    public async Task The_supergraph_links_the_subgraphs_both_ways(string type, string field)
    {
        var result = await AgencyComposition.Value;

        var supergraph = result.GetProperty("supergraphSdl").GetString()!;
        var start = supergraph.IndexOf($"\ntype {type}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"type {type} is not in the supergraph");
        var end = supergraph.IndexOf("\n}\n", start, StringComparison.Ordinal);
        Assert.Contains($"\n  {field}", supergraph[start..end], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicting_subgraphs_do_not_compose()
    {
        // The harness must report what composition refuses: two subgraphs resolving the same
        // field without @shareable.
        var directory = Directory.CreateTempSubdirectory("compose-");
        try
        {
            const string Sdl = """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                type Query { registryName: String }
                """;
            var first = Path.Combine(directory.FullName, "first.graphql");
            var second = Path.Combine(directory.FullName, "second.graphql");
            await File.WriteAllTextAsync(first, Sdl, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(second, Sdl, TestContext.Current.CancellationToken);

            var result = await ComposeAsync([first, second], expectSuccess: false);

            Assert.Contains("INVALID_FIELD_SHARING", result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Messages(JsonElement result, string property) =>
        result.GetProperty(property).EnumerateArray().Select(e => $"{e.GetProperty("code")}: {e.GetProperty("message")}");

    private static async Task<JsonElement> ComposeAsync(string[] files, bool expectSuccess = true)
    {
        var peer = AgencySchemas.PeerDirectory;
        if (!Directory.Exists(Path.Combine(peer, "composition", "node_modules", "@apollo", "composition")))
        {
            Assert.Fail($"{peer}/composition/node_modules/@apollo/composition is missing: run `npm ci` in {peer} (tests/run.sh does) before these tests.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = peer, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("compose-subgraphs.mjs");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource();
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var stdout = await output;
        if (expectSuccess)
        {
            Assert.True(process.ExitCode == 0, $"node compose-subgraphs.mjs exited with {process.ExitCode}:\n{await error}\n{stdout}");
        }

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 0, $"node compose-subgraphs.mjs printed nothing:\n{await error}");
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }
}
