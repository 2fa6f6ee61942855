namespace Federation.Gateway.Composition;

/// <summary>
/// Why a set of subgraphs does not compose: a stable <see cref="Code"/> (Apollo's where the same
/// conflict exists, see <see cref="CompositionErrorCodes"/>), a message, the subgraphs involved and
/// the schema coordinates (<c>Type</c>, <c>Type.field</c>, <c>Type.field(arg:)</c>) involved.
/// </summary>
public sealed record CompositionError(string Code, string Message, IReadOnlyList<string> Subgraphs, IReadOnlyList<string> Coordinates)
{
    public override string ToString() => $"{Code}: {Message}";
}
