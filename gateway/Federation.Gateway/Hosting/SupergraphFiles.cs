using System.Reflection;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Hosting;

/// <summary>Finds the supergraph to serve: the configured file, else the repository's, else the one built in.</summary>
internal static class SupergraphFiles
{
    public const string EmbeddedResource = "supergraph.graphql";

    public static SupergraphSource Load(string? configured, string contentRoot)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? SupergraphSource.FromFile(configured)
                : throw new FileNotFoundException($"Gateway:SupergraphFile names {configured}, which does not exist.", configured);
        }

        foreach (var candidate in new[] { Path.Combine(Environment.CurrentDirectory, "schema", AgencySubgraphs.SupergraphFile), Path.Combine(contentRoot, "schema", AgencySubgraphs.SupergraphFile) })
        {
            if (File.Exists(candidate))
            {
                return SupergraphSource.FromFile(candidate);
            }
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException("The gateway was built without its supergraph.");
        using var reader = new StreamReader(stream);
        return new SupergraphSource(Supergraph.Parse(reader.ReadToEnd()));
    }
}
