using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests;

/// <summary>Paths of the repository the tests read: the schema directory and the node peers.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SchemaDirectory => Path.Combine(Root, "schema");

    public static string PeerDirectory => Path.Combine(Root, "tests", "peer");

    public static string CorpusDirectory => Path.Combine(Root, "tests", "Federation.Gateway.Tests", "Composition", "corpus");

    public static string SupergraphFile => Path.Combine(SchemaDirectory, Supergraph.FileName);

    /// <summary>The committed subgraph config, <c>schema/supergraph.yaml</c>.</summary>
    public static SubgraphConfig SubgraphConfig => SubgraphConfig.Load(Path.Combine(SchemaDirectory, SubgraphConfig.FileName));

    /// <summary>The subgraphs of the committed config with their SDL (all files, no live subgraph).</summary>
    public static IReadOnlyList<SubgraphSdl> AgencySubgraphs()
    {
        var resolution = SubgraphConfig.ResolveAsync(null, CancellationToken.None).GetAwaiter().GetResult();
        return resolution.Succeeded ? resolution.Subgraphs : throw new InvalidOperationException(string.Join(Environment.NewLine, resolution.Errors));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Federation.sln above {AppContext.BaseDirectory}.");
    }
}
