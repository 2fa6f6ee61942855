using Federation.Protocol.Agencies;

namespace Federation.Protocol.Signing;

/// <summary>
/// Who the gateway asks on behalf of: the calling agency, its declared purpose, when the request
/// belongs to a case the matter, and — unless the caller is the subgraph's own providing agency —
/// the caller's administrative division (GB/T 2260), to which the subgraph limits the rows of
/// division-scoped lists (<c>X-Caller-Division</c>), and the row-scoped resources of the subgraph's
/// agency the caller may read (<c>X-Caller-Row-Resources</c>). The gateway signs all of these with the request.
/// </summary>
public sealed record GatewayCaller(string Agency, string Purpose, string? Matter = null, string? Division = null)
{
    /// <summary>
    /// The row-scoped catalogue resources whose rows this caller may see, in the order the gateway
    /// signed them; empty when the request names none — then every row such a resource guards is
    /// withheld (fail closed).
    /// </summary>
    public IReadOnlyList<string> RowResources { get; init; } = [];

    /// <summary>
    /// Whether the caller may see the rows guarded by row-scoped resource <paramref name="resourceId"/>:
    /// their existence is that resource's data, so a caller who may not read it is answered as if
    /// they did not exist.
    /// </summary>
    public bool MayReadRows(string resourceId)
    {
        foreach (var id in RowResources)
        {
            if (string.Equals(id, resourceId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The header value: the ids joined by commas (ids have none).</summary>
    public string RowResourcesHeader => string.Join(',', RowResources);

    /// <summary>The ids a header value names, in its order; empty for none.</summary>
    public static IReadOnlyList<string> ParseRowResources(string? header) =>
        string.IsNullOrEmpty(header) ? [] : header.Split(',');

    /// <summary>
    /// The division whose rows this caller may see in division-scoped lists; null when the request
    /// carries none (the providing agency reads all its rows).
    /// </summary>
    public DivisionCode? ScopeDivision => Division is not null && DivisionCode.TryParse(Division, out var code, out _) ? code : null;

    /// <summary>Whether a row in <paramref name="rowDivision"/> is one this caller may count and page over (none, for a division that is not a code).</summary>
    public bool Sees(string? rowDivision) =>
        Division is null
        || (ScopeDivision is { } scope && rowDivision is not null && DivisionCode.TryParse(rowDivision, out var row, out _) && row.IsWithin(scope));
}
