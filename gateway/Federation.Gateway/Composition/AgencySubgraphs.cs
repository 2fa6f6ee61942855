namespace Federation.Gateway.Composition;

/// <summary>
/// The four agency subgraphs: each one's SDL file in the schema directory and the URL the
/// committed supergraph gives it (the local ports the subgraphs listen on by default).
/// </summary>
public static class AgencySubgraphs
{
    public const string SupergraphFile = "supergraph.graphql";

    public static IReadOnlyList<(string Name, string Url)> All { get; } =
    [
        ("population", "http://127.0.0.1:4101/graphql"),
        ("legal-persons", "http://127.0.0.1:4102/graphql"),
        ("spatial", "http://127.0.0.1:4103/graphql"),
        ("licences", "http://127.0.0.1:4104/graphql"),
    ];

    /// <summary>Reads <c>name.graphql</c> of each agency subgraph from the schema directory.</summary>
    /// <exception cref="IOException">A file is missing or cannot be read.</exception>
    public static IReadOnlyList<SubgraphSdl> Read(string schemaDirectory) =>
        [.. All.Select(s => new SubgraphSdl(s.Name, s.Url, File.ReadAllText(Path.Combine(schemaDirectory, s.Name + ".graphql"))))];
}
