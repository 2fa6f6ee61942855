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
        if (Locate(configured, contentRoot) is { } file)
        {
            return new SupergraphSource(CatalogueFiles.Serve(File.ReadAllText(file), catalogue));
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException("The gateway was built without its supergraph.");
        using var reader = new StreamReader(stream);
        return new SupergraphSource(CatalogueFiles.Serve(reader.ReadToEnd(), catalogue));
    }

    /// <summary>The supergraph file <see cref="Load"/> reads; null for the copy built in.</summary>
    /// <exception cref="FileNotFoundException"><paramref name="configured"/> names no file.</exception>
    public static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"Gateway:SupergraphFile names {configured}, which does not exist.", configured);
        }

        return new[] { Path.Combine(Environment.CurrentDirectory, "schema", Supergraph.FileName), Path.Combine(contentRoot, "schema", Supergraph.FileName) }
            .FirstOrDefault(File.Exists);
    }
}
