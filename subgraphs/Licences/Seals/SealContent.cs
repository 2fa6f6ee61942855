using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// What an issuer seals: the licence's number, type, holder (kind, key and name), issuer, dates,
/// status, items and the seal's random salt (<see cref="SealSalt"/>), as RFC 8785 canonical JSON.
/// The verifier builds it again from the licence's current fields and its seal's salt, so any
/// change to them that was not sealed anew shows.
/// </summary>
internal static class SealContent
{
    /// <summary>The content of the licence's current fields with its seal's salt, as the verifier rebuilds it.</summary>
    public static string Of(Licence licence) => Write(licence, licence.Seal.Salt);

    /// <summary>The content of the licence's current fields with <paramref name="salt"/>, as the sealer signs it.</summary>
    public static string Of(Licence licence, string salt) => Write(licence, salt);

    /// <summary>The members of the sealed content that differ between two canonical contents, by name.</summary>
    public static IReadOnlyList<string> DifferingMembers(string expected, string actual)
    {
        JsonObject? left, right;
        try
        {
            left = JsonNode.Parse(expected) as JsonObject;
            right = JsonNode.Parse(actual) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return ["(unreadable content)"];
        }

        if (left is null || right is null)
        {
            return ["(unreadable content)"];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in left)
        {
            if (!JsonNode.DeepEquals(value, right[name]))
            {
                names.Add(name);
            }
        }

        foreach (var (name, _) in right)
        {
            if (!left.ContainsKey(name))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }

    /// <summary>
    /// The content as a JSON document, for <see cref="JsonCanonicalization.Canonicalize"/>;
    /// <see cref="Of"/> writes the same text directly, members already in RFC 8785 order, because
    /// seeding seals every licence (a test holds the two equal).
    /// </summary>
    internal static JsonObject Document(Licence licence, string salt)
    {
        var items = new JsonArray();
        foreach (var item in licence.Items)
        {
            items.Add(new JsonObject { ["key"] = item.Key, ["label"] = item.Label, ["value"] = item.Value });
        }

        return new JsonObject
        {
            ["number"] = licence.Number,
            ["type"] = new JsonObject { ["code"] = licence.Type.Code, ["name"] = licence.Type.Name },
            ["holder"] = new JsonObject
            {
                ["kind"] = HolderKinds.Name(licence.Holder.Kind),
                ["key"] = licence.Holder.Key,
                ["name"] = licence.HolderName,
            },
            ["issuer"] = new JsonObject { ["creditCode"] = licence.IssuingAgencyCode, ["name"] = licence.IssuingAgencyName },
            ["dates"] = new JsonObject
            {
                ["issuedOn"] = Date(licence.IssuedOn),
                ["validFrom"] = Date(licence.ValidFrom),
                ["validUntil"] = licence.ValidUntil is { } until ? Date(until) : null,
            },
            ["status"] = LicenceStatuses.Name(licence.Status),
            ["items"] = items,
            ["salt"] = salt,
        };
    }

    private static string Write(Licence licence, string salt)
    {
        var text = new StringBuilder(768);
        text.Append("{\"dates\":{\"issuedOn\":");
        JsonCanonicalization.WriteString(text, Date(licence.IssuedOn));
        text.Append(",\"validFrom\":");
        JsonCanonicalization.WriteString(text, Date(licence.ValidFrom));
        text.Append(",\"validUntil\":");
        if (licence.ValidUntil is { } until)
        {
            JsonCanonicalization.WriteString(text, Date(until));
        }
        else
        {
            text.Append("null");
        }

        text.Append("},\"holder\":{\"key\":");
        JsonCanonicalization.WriteString(text, licence.Holder.Key);
        text.Append(",\"kind\":");
        JsonCanonicalization.WriteString(text, HolderKinds.Name(licence.Holder.Kind));
        text.Append(",\"name\":");
        JsonCanonicalization.WriteString(text, licence.HolderName);
        text.Append("},\"issuer\":{\"creditCode\":");
        JsonCanonicalization.WriteString(text, licence.IssuingAgencyCode);
        text.Append(",\"name\":");
        JsonCanonicalization.WriteString(text, licence.IssuingAgencyName);
        text.Append("},\"items\":[");
        for (var i = 0; i < licence.Items.Count; i++)
        {
            var item = licence.Items[i];
            text.Append(i == 0 ? "{\"key\":" : ",{\"key\":");
            JsonCanonicalization.WriteString(text, item.Key);
            text.Append(",\"label\":");
            JsonCanonicalization.WriteString(text, item.Label);
            text.Append(",\"value\":");
            JsonCanonicalization.WriteString(text, item.Value);
            text.Append('}');
        }

        text.Append("],\"number\":");
        JsonCanonicalization.WriteString(text, licence.Number);
        text.Append(",\"salt\":");
        JsonCanonicalization.WriteString(text, salt);
        text.Append(",\"status\":");
        JsonCanonicalization.WriteString(text, LicenceStatuses.Name(licence.Status));
        text.Append(",\"type\":{\"code\":");
        JsonCanonicalization.WriteString(text, licence.Type.Code);
        text.Append(",\"name\":");
        JsonCanonicalization.WriteString(text, licence.Type.Name);
        text.Append("}}");
        return text.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
