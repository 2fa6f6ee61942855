using System.Diagnostics;
using System.Text.Json;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>Runs a node script of tests/peer and returns the JSON it prints on its last line.</summary>
internal static class PeerScript
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("FEDERATION_PEER_DIR");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "peer");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("tests/peer was not found above " + AppContext.BaseDirectory + "; set FEDERATION_PEER_DIR.");
        }
    }

    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var directory = Directory;
        if (!System.IO.Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            Assert.Fail($"{directory}/node_modules is missing: run `npm ci` there (tests/run.sh does) before these tests.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
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
        Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}:\n{await error}\n{stdout}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }
}
