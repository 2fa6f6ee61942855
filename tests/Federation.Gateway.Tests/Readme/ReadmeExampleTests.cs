using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Audit;
using Federation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Readme;

/// <summary>
/// The README's example requests, run as a reader runs them: every block marked
/// <c>&lt;!-- example: … --&gt;</c>, in the README's order, in one bash session (so the tokens and ids
/// they keep carry over), against the one-command run's set-up — the four embedded subgraphs and the
/// gateway trusting the development key (<see cref="OneCommandRun.SignIn"/>). Two things are replaced,
/// and nothing else: the gateway's address (the test's gateway listens on a free port) and
/// <c>dotnet run --project gateway/Federation.Host</c> (by the assembly this test was built with: building
/// the project from a test would race the test run's own build). Each block's output must be the answer
/// its marker names: <c>data</c> (no error, every root field answered) or <c>error CODE</c>.
/// </summary>
public sealed class ReadmeExampleTests
{
    private const string ReadmeAddress = "http://127.0.0.1:4000";
    private const string ReadmeHostCommand = "dotnet run --project gateway/Federation.Host --";
    private const string Separator = "@@readme-example@@";

    [Fact]
    public void Each_kind_of_user_has_example_requests()
    {
        var examples = ReadmeDocument.Committed.Blocks("example");
        foreach (var heading in new[] { "### An application developer", "### An agency joining with its subgraph", "### Security staff" })
        {
            var (start, end) = ReadmeDocument.Committed.Section(heading);
            Assert.True(examples.Any(e => e.Position > start && e.Position < end), $"No example request under \"{heading}\".");
        }

        Assert.Contains(examples, e => e.Value == "data");
        Assert.Contains(examples, e => e.Value.StartsWith("error ", StringComparison.Ordinal));
        Assert.All(examples, e => Assert.Equal("sh", e.Language));
    }

    [Fact]
    public async Task The_readmes_example_requests_answer_what_it_says()
    {
        var examples = ReadmeDocument.Committed.Blocks("example");
        Assert.NotEmpty(examples);
        using var home = new TemporaryDirectory();
        var keyFile = Path.Combine(home.Path, ".local", "share", "federation-gateway", "development-signing-key");
        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(2_000, LogLevel.Warning, TestContext.Current.CancellationToken);
        var gateway = GatewayService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            TestAuditTrail.Configure(builder.Configuration);
            builder.Configuration["GatewaySignature:Secret"] = subgraphs.Secret;
            builder.Configuration["Gateway:SupergraphFile"] = Repository.SupergraphFile;
            foreach (var (name, url) in subgraphs.Urls)
            {
                builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = url;
            }

            builder.Configuration["Authentication:DevelopmentKeyFile"] = keyFile;
            Assert.NotNull(OneCommandRun.SignIn(builder));
        });
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var address = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var outputs = await RunAsync(examples, address, home.Path);

            Assert.Equal(examples.Count, outputs.Count);
            var failures = new List<string>();
            for (var i = 0; i < examples.Count; i++)
            {
                if (Judge(examples[i].Value, outputs[i]) is { } problem)
                {
                    failures.Add($"Example {i + 1} ({examples[i].Value}):\n{examples[i].Code}\n→ {problem}\n{outputs[i]}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }
        finally
        {
            await gateway.StopAsync(CancellationToken.None);
            await gateway.DisposeAsync();
        }
    }

    /// <summary>Why <paramref name="output"/> is not the answer <paramref name="expected"/> names; null when it is.</summary>
    private static string? Judge(string expected, string output)
    {
        JsonObject answer;
        try
        {
            answer = JsonNode.Parse(output) as JsonObject ?? throw new FormatException("not a JSON object");
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or FormatException)
        {
            return $"the output is not one GraphQL answer ({exception.Message})";
        }

        var codes = (answer["errors"] as JsonArray ?? []).Select(e => (string?)e?["extensions"]?["code"]).ToList();
        if (expected == "data")
        {
            return codes.Count > 0 ? $"errors: {string.Join(", ", codes)}"
                : answer["data"] is not JsonObject data || data.Count == 0 ? "no data"
                : data.FirstOrDefault(field => field.Value is null) is { Key: { } empty } ? $"{empty} is null"
                : null;
        }

        if (expected.StartsWith("error ", StringComparison.Ordinal))
        {
            var code = expected["error ".Length..];
            return codes.Contains(code) ? null : $"no error with the code {code} (codes: {string.Join(", ", codes)})";
        }

        return $"the marker \"{expected}\" names no answer: use \"data\" or \"error CODE\"";
    }

    /// <summary>Runs the examples in one bash session and returns each one's standard output.</summary>
    private static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<MarkedBlock> examples, string address, string home)
    {
        var host = typeof(OneCommandRun).Assembly.Location;
        var script = new StringBuilder("set -eo pipefail\n");
        foreach (var example in examples)
        {
            script.Append("echo '").Append(Separator).Append("'\n");
            script.Append(example.Code
                .Replace(ReadmeHostCommand, $"dotnet '{host}'", StringComparison.Ordinal)
                .Replace(ReadmeAddress, address, StringComparison.Ordinal)).Append('\n');
        }

        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository.Root, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["HOME"] = home;
        start.Environment.Remove("XDG_DATA_HOME");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(script.ToString());
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
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
        Assert.True(process.ExitCode == 0, $"The examples' shell exited with {process.ExitCode}:\n{await error}\n{stdout}");
        return [.. stdout.Split(Separator + "\n")[1..].Select(part => part.Trim())];
    }
}
