namespace Federation.Subgraphs.Hosting.Tests.Schemas;

/// <summary>Where the four agency subgraph schemas (<c>schema/*.graphql</c>) and the node peers live.</summary>
internal static class AgencySchemas
{
    /// <summary>The subgraphs, named as their schema files.</summary>
    public static readonly string[] Names = ["population", "legal-persons", "spatial", "licences"];

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(string name) => Path.Combine(RepositoryRoot, "schema", name + ".graphql");

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>FEDERATION_PEER_DIR when set, else the repository's tests/peer.</summary>
    public static string PeerDirectory =>
        Environment.GetEnvironmentVariable("FEDERATION_PEER_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot, "tests", "peer");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Federation.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
