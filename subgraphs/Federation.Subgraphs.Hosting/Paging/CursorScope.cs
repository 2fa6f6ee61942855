using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Federation.GraphQL.Execution;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Paging;

/// <summary>
/// What a cursor is bound to: the list it came from — the field's coordinate and a hash of its
/// arguments other than <c>first</c> and <c>after</c>, so a cursor of <c>households(filter: {division:
/// "330203"})</c> opens neither <c>households</c> unfiltered nor <c>persons</c> — and the caller it
/// was handed to (the calling agency, the division and the row-scoped resources the gateway signed
/// for: a list withholds other rows for other rights, so its positions are other). A cursor opened in
/// any other scope is refused as <c>INVALID_CURSOR</c>.
/// </summary>
public sealed class CursorScope
{
    private static readonly Lazy<CursorSeal> InProcess = new(CursorSeal.Ephemeral);

    private readonly CursorSeal seal;
    private readonly byte[] associatedData;

    private CursorScope(CursorSeal seal, byte[] associatedData)
    {
        this.seal = seal;
        this.associatedData = associatedData;
    }

    /// <summary>
    /// The scope of the list <paramref name="context"/> resolves, for its request's caller. A schema
    /// executed in process, outside <c>MapSubgraph</c> (no <see cref="SubgraphRequestContext"/>, no
    /// caller), seals with a key of this process only.
    /// </summary>
    public static CursorScope Of(ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Context as SubgraphRequestContext;
        return For(request?.Cursors ?? InProcess.Value, $"{context.ParentType.Name}.{context.FieldName}", context.Arguments, request?.Caller);
    }

    /// <summary>The scope of the list at <paramref name="coordinate"/> with these arguments for <paramref name="caller"/>.</summary>
    public static CursorScope For(CursorSeal seal, string coordinate, IReadOnlyDictionary<string, object?> arguments, GatewayCaller? caller)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var filter = new StringBuilder();
        foreach (var (name, value) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (name is "first" or "after")
            {
                continue;
            }

            Write(filter, name);
            Write(filter, value);
        }

        var list = new StringBuilder("cursor/v3\n").Append(coordinate).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filter.ToString())))).Append('\n')
            .Append(caller?.Agency ?? "").Append('\n')
            .Append(caller?.Division ?? "").Append('\n')
            .Append(caller?.RowResourcesHeader ?? "");
        return new CursorScope(seal, Encoding.UTF8.GetBytes(list.ToString()));
    }

    /// <summary>The cursor of the row with <paramref name="sortKey"/> in this list, for this caller.</summary>
    public string Seal(params ReadOnlySpan<string> sortKey) => seal.Seal(sortKey, associatedData);

    /// <summary>The sort key in <paramref name="cursor"/>; throws <c>INVALID_CURSOR</c> unless this scope sealed it with exactly <paramref name="parts"/> parts.</summary>
    public string[] Open(string cursor, int parts) =>
        seal.TryOpen(cursor, associatedData, parts, out var sortKey) ? sortKey : throw PagingErrorCodes.CursorNotRecognised();

    /// <summary>A value written so that no two different argument values write the same text: each part tagged and length-prefixed.</summary>
    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('n');
                break;
            case string s:
                text.Append('s').Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
                break;
            case bool b:
                text.Append(b ? "t" : "f");
                break;
            case IReadOnlyDictionary<string, object?> fields:
                text.Append('{');
                foreach (var (name, field) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    Write(text, name);
                    Write(text, field);
                }

                text.Append('}');
                break;
            case GeoJsonGeometry geometry:
                Write(text, "geojson:" + geometry.ToJson());
                break;
            case DateTimeOffset instant:
                Write(text, "instant:" + instant.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                Write(text, "date:" + date.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                }

                text.Append(']');
                break;
            case IFormattable number:
                Write(text, value.GetType().Name + ":" + number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Write(text, value.GetType().Name + ":" + value);
                break;
        }
    }
}
