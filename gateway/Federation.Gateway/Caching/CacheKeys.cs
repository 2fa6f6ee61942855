using System.Security.Cryptography;
using System.Text;
using Federation.Protocol.Signing;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Caching;

/// <summary>
/// The cache's keys. An entry is one entity of one subgraph for one catalogue resource:
/// <c>federation:entity:{subgraph}:{type}:{resource}:{digest}</c>, the digest a SHA-256 of all four
/// parts length-prefixed and the key's canonical JSON (properties sorted), so no two entities share a
/// key, whatever characters a key value holds, and Redis's key names carry no identity number.
/// </summary>
internal static class CacheKeys
{
    public const string Prefix = "federation:entity:";

    /// <summary>The entry of the entity whose key fields are <paramref name="key"/> (without <c>__typename</c>).</summary>
    public static string Entry(string subgraph, string type, string resource, IReadOnlyDictionary<string, object?> key)
    {
        var canonical = PlainJson.ToText(Canonical(key));
        var text = new StringBuilder(64 + canonical.Length)
            .Append(subgraph.Length).Append(':').Append(subgraph)
            .Append(type.Length).Append(':').Append(type)
            .Append(resource.Length).Append(':').Append(resource)
            .Append(canonical)
            .ToString();
        var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return string.Concat(Prefix, subgraph, ":", type, ":", resource, ":", digest);
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
