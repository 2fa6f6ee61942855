using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Composition;

/// <summary>A case of a composition corpus: a directory whose <c>*.graphql</c> files are the subgraphs, named after the files.</summary>
internal static class CorpusCase
{
    public static IReadOnlyList<SubgraphSdl> Read(string directory) =>
        [.. Directory.GetFiles(directory, "*.graphql").Order(StringComparer.Ordinal).Select(file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            return new SubgraphSdl(name, $"http://{name}.subgraph.invalid/graphql", File.ReadAllText(file));
        })];

    public static IEnumerable<string> Names(string corpus) =>
        Directory.GetDirectories(corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
