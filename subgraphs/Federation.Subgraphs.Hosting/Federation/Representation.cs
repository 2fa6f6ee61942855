namespace Federation.Subgraphs.Hosting;

/// <summary>
/// One entry of <c>_entities(representations:)</c>: the entity's type, the fields the router
/// sent (its key, and any <c>@requires</c> fields), and the key that matched.
/// </summary>
public sealed class Representation
{
    internal Representation(int index, string typeName, IReadOnlyDictionary<string, object?> fields, string keyFields, IReadOnlyDictionary<string, object?> key)
    {
        Index = index;
        TypeName = typeName;
        Fields = fields;
        KeyFields = keyFields;
        Key = key;
    }

    /// <summary>The position of the representation in the <c>representations</c> argument.</summary>
    public int Index { get; }

    public string TypeName { get; }

    /// <summary>Everything the representation carries, <c>__typename</c> included.</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; }

    /// <summary>The <c>fields</c> of the <c>@key</c> this representation satisfies, as written in the SDL.</summary>
    public string KeyFields { get; }

    /// <summary>Only the key's fields (nested keys as nested maps).</summary>
    public IReadOnlyDictionary<string, object?> Key { get; }

    public object? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    /// <summary>A key or required field as a string (IDs arrive as strings; numbers are formatted invariantly).</summary>
    public string? GetString(string field) => this[field] switch
    {
        null => null,
        string text => text,
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    public override string ToString() => $"{TypeName}#{Index}";
}
