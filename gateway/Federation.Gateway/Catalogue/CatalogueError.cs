namespace Federation.Gateway.Catalogue;

/// <summary>
/// Why a catalogue file is refused: a stable <see cref="Code"/> (<see cref="CatalogueErrorCodes"/>), a
/// message, the resource it concerns (null for the file's other parts) and the line of the YAML (1-based).
/// </summary>
internal sealed record CatalogueError(string Code, string Message, string? Resource, int Line)
{
    public override string ToString() => $"line {Line}: {Code}: {(Resource is null ? "" : $"resource {Resource}: ")}{Message}";
}

/// <summary>A catalogue file that cannot be loaded; the gateway does not start on one (fail closed).</summary>
internal sealed class InvalidCatalogueException(string source, IReadOnlyList<CatalogueError> errors)
    : Exception($"The share catalogue {source} is not valid ({errors.Count} errors):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}")
{
    public IReadOnlyList<CatalogueError> Errors { get; } = errors;
}
