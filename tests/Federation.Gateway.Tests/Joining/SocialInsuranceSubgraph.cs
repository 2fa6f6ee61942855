using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Federation.Gateway.Tests.Joining;

/// <summary>
/// The fifth agency's subgraph, written in Node with <c>@apollo/subgraph</c>
/// (<c>tests/peer/agency-subgraph/social-insurance-subgraph.mjs</c>), run with the accounts given and
/// the gateway's signing secret, on a free loopback port.
/// </summary>
internal sealed class SocialInsuranceSubgraph : IAsyncDisposable
{
    private readonly Process process;
    private readonly TemporaryDirectory directory;

    private SocialInsuranceSubgraph(Process process, TemporaryDirectory directory, Uri url)
    {
        this.process = process;
        this.directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The subgraph's SDL file, as the agency hands it over.</summary>
    public static string SchemaFile => Path.Combine(Repository.PeerDirectory, "agency-subgraph", "social-insurance.graphql");

    public static async Task<SocialInsuranceSubgraph> StartAsync(string secret, JsonArray accounts)
    {
        var workspace = Path.Combine(Repository.PeerDirectory, "agency-subgraph");
        if (!Directory.Exists(Path.Combine(workspace, "node_modules", "@apollo", "subgraph")))
        {
            Assert.Fail($"{workspace}/node_modules/@apollo/subgraph is missing: run `npm ci` in {Repository.PeerDirectory} (tests/run.sh does) before these tests.");
        }

        var directory = new TemporaryDirectory();
        var data = Path.Combine(directory.Path, "accounts.json");
        await File.WriteAllTextAsync(data, new JsonObject { ["accounts"] = accounts.DeepClone() }.ToJsonString(), TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("node") { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "social-insurance-subgraph.mjs", "--data", data, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        // The secret goes by the environment, not the command line, where every user of the machine could read it.
        start.Environment["GATEWAY_SIGNATURE_SECRET"] = secret;
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || JsonNode.Parse(line)?["url"]?.GetValue<string>() is not { } url)
        {
            process.Kill(true);
            directory.Dispose();
            throw new InvalidOperationException($"The social-insurance subgraph did not start: {line}\n{stderr}");
        }

        return new SocialInsuranceSubgraph(process, directory, new Uri(url));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
        directory.Dispose();
    }
}
