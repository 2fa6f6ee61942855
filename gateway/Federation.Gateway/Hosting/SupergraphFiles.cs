using System.Reflection;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Hosting;

/// <summary>
/// Finds the supergraph to serve: the configured file, else the repository's, else the one built in;
/// served with the share catalogue, which must cover it (the gateway does not start otherwise).
/// </summary>
internal static class SupergraphFiles
{
    public const string EmbeddedResource = "supergraph.graphql";

    /// <exception cref="UncoveredSupergraphException">The catalogue does not cover the supergraph.</exception>
    public static SupergraphSource Load(string? configured, string contentRoot, ShareCatalogue catalogue)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? new SupergraphSource(CatalogueFiles.Serve(File.ReadAllText(configured), catalogue))
                : throw new FileNotFoundException($"Gateway:SupergraphFile names {configured}, which does not exist.", configured);
        }

        foreach (var candidate in new[] { Path.Combine(Environment.CurrentDirectory, "schema", Supergraph.FileName), Path.Combine(contentRoot, "schema", Supergraph.FileName) })
        {
            if (File.Exists(candidate))
            {
                return new SupergraphSource(CatalogueFiles.Serve(File.ReadAllText(candidate), catalogue));
            }
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException("The gateway was built without its supergraph.");
        using var reader = new StreamReader(stream);
        return new SupergraphSource(CatalogueFiles.Serve(reader.ReadToEnd(), catalogue));
    }
}
