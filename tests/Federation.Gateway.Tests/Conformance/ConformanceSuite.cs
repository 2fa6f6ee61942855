using System.Text.Json.Nodes;

namespace Federation.Gateway.Tests.Conformance;

/// <summary>One query of a suite, with the answer Federation's semantics give it.</summary>
/// <param name="Variables">The operation's variables, or null.</param>
/// <param name="ExpectedData">The expected <c>data</c> (JSON null when the answer has none).</param>
/// <param name="ExpectedErrorPaths">Where the expected answer has errors, each path as JSON text (<c>(none)</c> for an error without a path).</param>
/// <param name="ApolloDiffers">Why Apollo Gateway 2.14.4 answers otherwise, when it does (the expected answer stays the right one).</param>
internal sealed record ConformanceQuery(
    string Suite,
    string Name,
    string Text,
    JsonObject? Variables,
    JsonNode? ExpectedData,
    IReadOnlyList<string> ExpectedErrorPaths,
    string? ApolloDiffers)
{
    public string Id => $"{Suite}/{Name}";
}

/// <summary>
/// A suite of the federation conformance suite (<c>tests/peer/fedsuite/suites/NAME</c>): its subgraphs
/// (one SDL file each, <c>G.graphql</c>, served by <c>serve.mjs</c>) and its queries
/// (<c>queries/Q.graphql</c>, the expected answer in <c>queries/Q.json</c>).
/// </summary>
internal sealed record ConformanceSuite(string Name, string Directory, IReadOnlyList<string> Subgraphs, IReadOnlyList<ConformanceQuery> Queries)
{
    public static string SuitesDirectory => Path.Combine(Repository.PeerDirectory, "fedsuite", "suites");

    public static IReadOnlyList<ConformanceSuite> All() =>
        [.. System.IO.Directory.GetDirectories(SuitesDirectory).Order(StringComparer.Ordinal).Select(Read)];

    public string SdlFile(string subgraph) => Path.Combine(Directory, subgraph + ".graphql");

    private static ConformanceSuite Read(string directory)
    {
        var name = Path.GetFileName(directory);
        var subgraphs = System.IO.Directory.GetFiles(directory, "*.graphql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var queries = System.IO.Directory.GetFiles(Path.Combine(directory, "queries"), "*.graphql")
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var expectedFile = Path.ChangeExtension(file, ".json");
                var expected = JsonNode.Parse(File.ReadAllText(expectedFile)) as JsonObject
                    ?? throw new InvalidOperationException($"{expectedFile} is not a JSON object.");
                if (!expected.ContainsKey("data"))
                {
                    throw new InvalidOperationException($"{expectedFile} has no expected \"data\".");
                }

                var paths = (expected["errors"] as JsonArray ?? []).Select(e => ConformanceOutcome.PathText(e?["path"])).Order(StringComparer.Ordinal).ToList();
                return new ConformanceQuery(
                    name,
                    Path.GetFileNameWithoutExtension(file),
                    File.ReadAllText(file),
                    expected["variables"]?.DeepClone() as JsonObject,
                    expected["data"]?.DeepClone(),
                    paths,
                    (string?)expected["apolloDiffers"]);
            })
            .ToList();
        return new ConformanceSuite(name, directory, subgraphs!, queries);
    }
}
