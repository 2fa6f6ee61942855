using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// graphql-js 17.1.0 through tests/peer/graphql-js-runner.mjs: one node process per corpus
/// schema, its lines kept by query name. The peer folder is FEDERATION_PEER_DIR when set, else
/// the repository's tests/peer; its node_modules come from <c>npm ci</c> (tests/run.sh runs it).
/// </summary>
internal static class GraphQLJsPeer
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, JsonObject>>> Results = new();

    public static string PeerDirectory =>
        Environment.GetEnvironmentVariable("FEDERATION_PEER_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(DifferentialCorpus.RepositoryRoot, "tests", "peer");

    public static JsonObject Result(CorpusSchema schema, string queryName)
    {
        var lines = Results.GetOrAdd(schema.Name, _ => new(() => Run(schema))).Value;
        return lines.TryGetValue(queryName, out var line)
            ? line
            : throw new InvalidOperationException($"graphql-js printed no line for {schema.Name}/{queryName}.");
    }

    /// <summary>Fails, never skips, when npm ci has not run.</summary>
    public static void EnsureInstalled(string peer)
    {
        var graphql = Path.Combine(peer, "node_modules", "graphql", "package.json");
        if (!File.Exists(graphql))
        {
            throw new InvalidOperationException(
                $"graphql-js is not installed: {graphql} is missing. Run `npm ci` in {peer} (tests/run.sh does) before the differential test.");
        }
    }

    private static IReadOnlyDictionary<string, JsonObject> Run(CorpusSchema schema)
    {
        var peer = PeerDirectory;
        EnsureInstalled(peer);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = peer,
        };
        foreach (var argument in new[] { Path.Combine(peer, "graphql-js-runner.mjs"), "--schema", schema.SchemaPath, "--root", schema.RootPath, "--queries", schema.QueriesPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errorOutput = process.StandardError.ReadToEndAsync();
        var lines = new Dictionary<string, JsonObject>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var json = JsonNode.Parse(line)!.AsObject();
            if (json["schemaErrors"] is not null)
            {
                throw new InvalidOperationException($"graphql-js rejects the {schema.Name} schema: {line}");
            }

            lines[json["name"]!.GetValue<string>()] = json;
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"graphql-js-runner.mjs exited with {process.ExitCode}: {errorOutput.Result}");
        }

        return lines;
    }
}
