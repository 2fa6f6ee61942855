using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Federation.Gateway.Tests.Equivalence;

/// <summary>Apollo Gateway 2.14.4 run by <c>tests/peer/apollo-gateway.mjs</c> over the given subgraphs.</summary>
internal sealed class ApolloGatewayPeer : IAsyncDisposable
{
    private readonly Process process;

    private ApolloGatewayPeer(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ApolloGatewayPeer> StartAsync(string supergraphFile, string secret, IEnumerable<(string Name, string Url)> subgraphs)
    {
        var peer = Repository.PeerDirectory;
        if (!Directory.Exists(Path.Combine(peer, "apollo-gateway", "node_modules", "@apollo", "gateway")))
        {
            Assert.Fail($"{peer}/apollo-gateway/node_modules/@apollo/gateway is missing: run `npm ci` in {peer} (tests/run.sh does) before these tests.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = peer, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "apollo-gateway.mjs", "--supergraph", supergraphFile, "--secret", secret, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, subgraphUrl) in subgraphs)
        {
            start.ArgumentList.Add("--subgraph");
            start.ArgumentList.Add($"{name}={subgraphUrl}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stderr = new System.Text.StringBuilder();
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
        if (line is null || JsonNode.Parse(line)?["url"]?.GetValue<string>() is not { } url)
        {
            process.Kill(true);
            throw new InvalidOperationException($"Apollo Gateway did not start: {line}\n{stderr}");
        }

        return new ApolloGatewayPeer(process, new Uri(url));
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(true);
        }

        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
