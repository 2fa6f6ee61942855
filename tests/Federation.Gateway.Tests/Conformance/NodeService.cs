using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Federation.Gateway.Tests.Conformance;

/// <summary>
/// A Node script of <c>tests/peer/fedsuite</c> that serves until it is disposed and prints one JSON
/// line once it serves (<c>serve.mjs</c>: the suites' subgraphs; <c>apollo.mjs</c>: Apollo Gateway over them).
/// </summary>
internal sealed class NodeService : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr;

    private NodeService(Process process, StringBuilder stderr, JsonObject started)
    {
        this.process = process;
        this.stderr = stderr;
        Started = started;
    }

    /// <summary>The line the script printed once it served.</summary>
    public JsonObject Started { get; }

    public Uri Url => new((string)Started["url"]!);

    /// <summary>What the script wrote to stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    public static async Task<NodeService> StartAsync(string script, params string[] arguments)
    {
        var directory = Path.Combine(Repository.PeerDirectory, "fedsuite");
        foreach (var needed in new[] { Path.Combine(directory, "node_modules", "@apollo", "subgraph"), Path.Combine(Repository.PeerDirectory, "apollo-gateway", "node_modules", "@apollo", "gateway") })
        {
            if (!Directory.Exists(needed))
            {
                Assert.Fail($"{needed} is missing: run `npm ci` in {Repository.PeerDirectory} (tests/run.sh does) before these tests.");
            }
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || JsonNode.Parse(line) is not JsonObject started || started["url"] is null)
        {
            process.Kill(true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new InvalidOperationException($"node {script} did not start: {line}\n{stderr}");
        }

        return new NodeService(process, stderr, started);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }
}
