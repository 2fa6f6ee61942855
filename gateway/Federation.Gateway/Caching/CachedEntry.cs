namespace Federation.Gateway.Caching;

/// <summary>
/// What the cache keeps of one entity for one catalogue resource: the values of the resource's
/// fields the subgraph answered, each as the JSON text of its value with the nested objects keyed by
/// field name (<c>CachedField.Signature</c> → value), and — for a subgraph that withholds rows
/// from some callers — to which callers' row views the entity was visible.
/// </summary>
/// <remarks>Never mutated once made: the in-process layer hands the same instance to every reader.</remarks>
internal sealed class CachedEntry
{
    /// <summary>Field signature → JSON text of the value.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The row views (<see cref="CacheKeys.RowView"/>) the subgraph showed the entity to; null when the
    /// subgraph withholds no rows, so every caller sees it.
    /// </summary>
    public List<string>? SeenBy { get; set; }
}
