using Federation.Gateway.Requests;


namespace Federation.Gateway.Caching;

/// <summary>
/// A cached field as one fetch selects it: the response name it has in the fetch (a client's alias or a
/// generated one) and its signature — its name and nested selection without aliases, <c>registeredDivision{code}</c>
/// — under which the entry keeps its value, so aliases neither split nor poison entries.
/// </summary>
internal sealed record CachedShape(string ResponseName, string Name, string Signature, CachedShape[]? Children)
{
    /// <summary>The value as the entry keeps it: nested objects keyed by signature. False when the answer lacks a selected field.</summary>
    public bool TryNormalize(object? value, out object? normalized)
    {
        normalized = value;
        if (value is null)
        {
            return true;
        }

        if (Children is null)
        {
            // A leaf (or a list of leaves): an object here is not the field's answer.
            return value is not Dictionary<string, object?>;
        }

        switch (value)
        {
            case Dictionary<string, object?> obj:
                var kept = new Dictionary<string, object?>(Children.Length, StringComparer.Ordinal);
                foreach (var child in Children)
                {
                    if (!obj.TryGetValue(child.ResponseName, out var childValue) || !child.TryNormalize(childValue, out var childNormalized))
                    {
                        return false;
                    }

                    kept[child.Signature] = childNormalized;
                }

                normalized = kept;
                return true;
            case List<object?> list:
                var items = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    if (!TryNormalize(item, out var itemNormalized))
                    {
                        return false;
                    }

                    items.Add(itemNormalized);
                }

                normalized = items;
                return true;
            default:
                // An object selection answered with a leaf: not an answer to keep.
                return false;
        }
    }

    /// <summary>
    /// The kept value under the fetch's response names, in objects and lists of its own (the kept value is
    /// shared by every reader, the answer is edited). False when the entry lacks a signature (another selection's entry).
    /// </summary>
    public bool TryRestore(object? kept, out object? value)
    {
        value = kept;
        if (kept is null)
        {
            return true;
        }

        if (Children is null)
        {
            value = kept is List<object?> leaves ? CopyOf(leaves) : kept;
            return kept is not Dictionary<string, object?>;
        }

        switch (kept)
        {
            case Dictionary<string, object?> obj:
                var restored = new Dictionary<string, object?>(Children.Length, StringComparer.Ordinal);
                foreach (var child in Children)
                {
                    if (!obj.TryGetValue(child.Signature, out var childKept) || !child.TryRestore(childKept, out var childValue))
                    {
                        return false;
                    }

                    restored[child.ResponseName] = childValue;
                }

                value = restored;
                return true;
            case List<object?> list:
                var items = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    if (!TryRestore(item, out var itemValue))
                    {
                        return false;
                    }

                    items.Add(itemValue);
                }

                value = items;
                return true;
            default:
                return false;
        }
    }

    private static List<object?> CopyOf(List<object?> list)
    {
        var copy = new List<object?>(list.Count);
        foreach (var item in list)
        {
            copy.Add(item is List<object?> nested ? CopyOf(nested) : item);
        }

        return copy;
    }

    /// <summary>The JSON text the entry keeps for <paramref name="value"/>; null when the answer is not one to keep.</summary>
    public string? ToEntryText(object? value) => TryNormalize(value, out var normalized) ? PlainJson.ToText(normalized) : null;
}
