using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Federation.Protocol.Signing;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Caching;

/// <summary>
/// The cache's keys. An entry is one entity of one subgraph for one catalogue resource:
/// <c>federation:entity:{subgraph}:{type}:{resource}:{digest}</c>, the digest (<see cref="Entity"/>) a
/// SHA-256 of the subgraph and type length-prefixed and the key's canonical JSON (properties sorted), one
/// per entity whatever the resources it is kept under, so no two entities share a key, whatever characters
/// a key value holds, and Redis's key names carry no identity number.
/// </summary>
internal static class CacheKeys
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? digestBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? digestWriter;

    public const string Prefix = "federation:entity:";

    /// <summary>The entry of the entity whose key fields are <paramref name="key"/> (without <c>__typename</c>).</summary>
    public static string Entry(string subgraph, string type, string resource, IReadOnlyDictionary<string, object?> key) =>
        Entry(subgraph, type, resource, Entity(subgraph, type, key));

    /// <summary>
    /// The entry of <paramref name="resource"/> of the entity whose digest is <paramref name="entity"/>
    /// (<see cref="Entity"/>): one digest per entity however many resources it is kept under. The digest has
    /// a fixed length and is last, so the parts before it are read back unambiguously.
    /// </summary>
    public static string Entry(string subgraph, string type, string resource, string entity) =>
        string.Concat(Prefix, subgraph, ":", type, ":", string.Concat(resource, ":", entity));

    /// <summary>
    /// The entity's digest: SHA-256 of its subgraph and type, length-prefixed, and its key's canonical JSON
    /// (properties sorted), in URL-safe base64 without padding — 43 characters that name no identity number.
    /// </summary>
    public static string Entity(string subgraph, string type, IReadOnlyDictionary<string, object?> key)
    {
        // One buffer and one writer per thread: a warm request computes a digest per entity it serves.
        var buffer = digestBuffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        Prefixed(buffer, subgraph);
        Prefixed(buffer, type);
        var writer = digestWriter ??= new Utf8JsonWriter(buffer, PlainJson.WriterOptions);
        writer.Reset(buffer);
        PlainJson.Write(writer, IsOneLeaf(key) ? key : Canonical(key));
        writer.Flush();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Base64Url.EncodeToString(digest);

        static void Prefixed(ArrayBufferWriter<byte> buffer, string part)
        {
            var length = part.Length.ToString(CultureInfo.InvariantCulture);
            var span = buffer.GetSpan(length.Length + 1 + Encoding.UTF8.GetMaxByteCount(part.Length));
            var written = Encoding.UTF8.GetBytes(length, span);
            span[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(part, span[written..]);
            buffer.Advance(written);
        }
    }

    /// <summary>The tag of every entry of <paramref name="type"/> (any subgraph).</summary>
    public static string TypeTag(string type) => "type:" + type;

    /// <summary>The tag of every entry of the catalogue resource <paramref name="resource"/>.</summary>
    public static string ResourceTag(string resource) => "resource:" + resource;

    /// <summary>
    /// What decides whether a subgraph that withholds rows shows one to a caller: the division and the
    /// row-scoped resources it is told of (<see cref="SubgraphClient.ForThisSubgraph"/>).
    /// </summary>
    public static string RowView(GatewayCaller told)
    {
        var resources = told.RowResources.ToArray();
        Array.Sort(resources, StringComparer.Ordinal);
        return (told.Division ?? "-") + "|" + string.Join(',', resources);
    }

    /// <summary>A key of one field whose value is not an object or a list: already canonical.</summary>
    private static bool IsOneLeaf(IReadOnlyDictionary<string, object?> key)
    {
        if (key.Count != 1)
        {
            return false;
        }

        foreach (var (_, value) in key)
        {
            return value is not (IReadOnlyDictionary<string, object?> or List<object?>);
        }

        return false;
    }

    /// <summary>The value with every object's properties in ordinal order, so equal keys print equally.</summary>
    private static object? Canonical(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> obj => Sorted(obj),
        List<object?> list => list.ConvertAll(Canonical),
        _ => value,
    };

    private static Dictionary<string, object?> Sorted(IReadOnlyDictionary<string, object?> obj)
    {
        var names = obj.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var sorted = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
        foreach (var name in names)
        {
            sorted[name] = Canonical(obj[name]);
        }

        return sorted;
    }
}
