using System.Diagnostics;
using System.Text.Json;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// Apollo's composition (<c>@apollo/composition</c> 2.14.4) run by <c>tests/peer/compose-corpus.mjs</c>:
/// each case directory of a corpus composed in one node run.
/// </summary>
internal static class ApolloComposition
{
    public sealed record Case(string Name, IReadOnlyList<string> ErrorCodes, string? SupergraphSdl);

    public static async Task<IReadOnlyDictionary<string, Case>> ComposeCorpusAsync(string corpus)
    {
        var peer = Repository.PeerDirectory;
        if (!Directory.Exists(Path.Combine(peer, "composition", "node_modules", "@apollo", "composition")))
        {
            Assert.Fail($"{peer}/composition/node_modules/@apollo/composition is missing: run `npm ci` in {peer} (tests/run.sh does) before these tests.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = peer, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("compose-corpus.mjs");
        start.ArgumentList.Add(corpus);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var stdout = await output;
        Assert.True(process.ExitCode == 0, $"node compose-corpus.mjs exited with {process.ExitCode}:\n{await error}");

        var cases = new Dictionary<string, Case>(StringComparer.Ordinal);
        foreach (var entry in JsonDocument.Parse(stdout).RootElement.EnumerateArray())
        {
            var name = entry.GetProperty("name").GetString()!;
            var codes = entry.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString() ?? "").ToList();
            cases[name] = new Case(name, codes, entry.GetProperty("supergraphSdl").GetString());
        }

        return cases;
    }
}
