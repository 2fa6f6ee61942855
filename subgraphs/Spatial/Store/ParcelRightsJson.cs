using System.Text;
using System.Text.Json;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Spatial.Domain;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// A parcel's rights as the PostgreSQL store keeps them, a jsonb array of
/// <c>{"idNumber"|"creditCode", "kind", "share", "from", "until"}</c>, and the probe that finds
/// parcels by holder with <c>rights @&gt; probe</c>.
/// </summary>
internal static class ParcelRightsJson
{
    public static string Write(IReadOnlyList<ParcelRight> rights)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var right in rights)
            {
                json.WriteStartObject();
                if (right.HolderIdNumber is { } id)
                {
                    json.WriteString("idNumber", id);
                }
                else
                {
                    json.WriteString("creditCode", right.HolderCreditCode);
                }

                json.WriteString("kind", right.Kind);
                if (right.SharePercentage is { } share)
                {
                    json.WriteNumber("share", share);
                }

                json.WriteString("from", FullDate.Format(right.ValidFrom));
                if (right.ValidUntil is { } until)
                {
                    json.WriteString("until", FullDate.Format(until));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<ParcelRight> Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var rights = new List<ParcelRight>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            rights.Add(new ParcelRight(
                item.TryGetProperty("idNumber", out var id) ? id.GetString() : null,
                item.TryGetProperty("creditCode", out var code) ? code.GetString() : null,
                item.GetProperty("kind").GetString()!,
                item.TryGetProperty("share", out var share) ? share.GetDouble() : null,
                DateOnly.ParseExact(item.GetProperty("from").GetString()!, "yyyy-MM-dd"),
                item.TryGetProperty("until", out var until) ? DateOnly.ParseExact(until.GetString()!, "yyyy-MM-dd") : null));
        }

        return rights;
    }

    /// <summary>The jsonb field that names a holder of the kind.</summary>
    public static string HolderField(HolderKind kind) => kind == HolderKind.Person ? "idNumber" : "creditCode";

    public static string Probe(HolderKind kind, string holder) => JsonSerializer.Serialize(new[] { new Dictionary<string, string> { [HolderField(kind)] = holder } });
}
