using System.Text;
using System.Text.Json;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Caching;

/// <summary>
/// What the cache keeps of one entity for one catalogue resource: the values of the resource's
/// fields the subgraph answered, each as the JSON text of its value with the nested objects keyed by
/// field name (<c>CachedField.Signature</c> → value), and — for a subgraph that withholds rows
/// from some callers — to which callers' row views the entity was visible.
/// </summary>
/// <remarks>
/// Never mutated once made: the in-process layer hands the same instance to every reader. It also keeps,
/// beside the texts, their values decoded at the first read (<see cref="TryValue"/>), so a warm hit reads no
/// JSON; readers copy what they take (<see cref="CachedShape.TryRestore"/>), since the merged answer is edited.
/// </remarks>
internal sealed class CachedEntry
{
    /// <summary>What a text that is not one JSON value decodes to: the subgraph answers that field.</summary>
    private static readonly object Unreadable = new();

    private Dictionary<string, object?>? values;

    /// <summary>Field signature → JSON text of the value.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The row views (<see cref="CacheKeys.RowView"/>) the subgraph showed the entity to; null when the
    /// subgraph withholds no rows, so every caller sees it.
    /// </summary>
    public List<string>? SeenBy { get; set; }

    /// <summary>
    /// The decoded value of the field of <paramref name="signature"/>, shared by every reader (never to be
    /// edited). False when the entry has no such field; <paramref name="readable"/> false when its text is not
    /// one JSON value (not what this gateway writes).
    /// </summary>
    public bool TryValue(string signature, out object? value, out bool readable)
    {
        var decoded = Volatile.Read(ref values) ?? Decode();
        readable = true;
        if (!decoded.TryGetValue(signature, out value))
        {
            return false;
        }

        if (ReferenceEquals(value, Unreadable))
        {
            (value, readable) = (null, false);
        }

        return true;
    }

    /// <summary>Decodes every field once; two readers racing decode twice, and either result is kept.</summary>
    private Dictionary<string, object?> Decode()
    {
        var decoded = new Dictionary<string, object?>(Fields.Count, StringComparer.Ordinal);
        foreach (var (signature, text) in Fields)
        {
            try
            {
                decoded[signature] = PlainJson.Read(Encoding.UTF8.GetBytes(text));
            }
            catch (JsonException)
            {
                decoded[signature] = Unreadable;
            }
        }

        Volatile.Write(ref values, decoded);
        return decoded;
    }
}
