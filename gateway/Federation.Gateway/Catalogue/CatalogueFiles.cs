using System.Reflection;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// Finds the share catalogue as the supergraph is found: the configured file, else
/// <c>schema/catalogue.yaml</c> of the working directory or the content root, else the copy built
/// into the gateway. A catalogue that does not load stops the gateway (fail closed).
/// </summary>
internal static class CatalogueFiles
{
    public const string FileName = "catalogue.yaml";
    public const string EmbeddedResource = "catalogue.yaml";

    /// <exception cref="InvalidCatalogueException">The catalogue does not load; the message lists every error with its line.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="configured"/> names no file.</exception>
    public static ShareCatalogue Load(string? configured, string contentRoot)
    {
        if (Locate(configured, contentRoot) is { } file)
        {
            return FromFile(file);
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException("The gateway was built without its share catalogue.");
        using var reader = new StreamReader(stream);
        return FromText(reader.ReadToEnd(), "(built in)");
    }

    /// <summary>The catalogue file <see cref="Load"/> reads; null for the copy built in.</summary>
    /// <exception cref="FileNotFoundException"><paramref name="configured"/> names no file.</exception>
    public static string? Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"Gateway:CatalogueFile names {configured}, which does not exist.", configured);
        }

        return new[] { Path.Combine(Environment.CurrentDirectory, "schema", FileName), Path.Combine(contentRoot, "schema", FileName) }.FirstOrDefault(File.Exists);
    }

    /// <summary>The catalogue <paramref name="yaml"/> holds, or its errors as composition errors with their codes (the file and line in the message).</summary>
    public static (ShareCatalogue? Catalogue, IReadOnlyList<CompositionError> Errors) Read(string yaml, string source)
    {
        var reading = CatalogueReader.Read(yaml);
        return reading.Catalogue is { } catalogue
            ? (catalogue, [])
            : (null, [.. reading.Errors.Select(e => new CompositionError(e.Code, $"{source} line {e.Line}: {e.Message}", [], e.Resource is null ? [] : [e.Resource]))]);
    }

    /// <exception cref="InvalidCatalogueException">The catalogue does not load.</exception>
    public static ShareCatalogue FromFile(string path) => FromText(File.ReadAllText(path), path);

    /// <exception cref="InvalidCatalogueException">The catalogue does not load.</exception>
    public static ShareCatalogue FromText(string yaml, string source)
    {
        var reading = CatalogueReader.Read(yaml);
        return reading.Catalogue ?? throw new InvalidCatalogueException(source, reading.Errors);
    }

    /// <summary>The supergraph to serve with <paramref name="catalogue"/>, which must cover it.</summary>
    /// <exception cref="UncoveredSupergraphException">The catalogue does not cover the supergraph.</exception>
    /// <exception cref="FormatException">The text is not a supergraph.</exception>
    public static Supergraph Serve(string supergraphSdl, ShareCatalogue catalogue)
    {
        var errors = CatalogueCoverage.Check(Supergraph.Parse(supergraphSdl), catalogue);
        return errors.Count > 0 ? throw new UncoveredSupergraphException(errors) : Supergraph.Parse(supergraphSdl, catalogue);
    }
}

/// <summary>A supergraph the share catalogue does not cover; the gateway refuses to serve it.</summary>
internal sealed class UncoveredSupergraphException(IReadOnlyList<CompositionError> errors)
    : Exception($"The share catalogue does not cover the supergraph ({errors.Count} errors):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}")
{
    public IReadOnlyList<CompositionError> Errors { get; } = errors;
}
