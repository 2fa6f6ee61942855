using System.Globalization;
using System.Text.Json.Nodes;
using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>What the GraphQL fields of a licence must answer, computed from the record.</summary>
internal static class Expected
{
    public const string FullLicence = """
        fragment Full on Licence {
          number
          type { code name holderKind itemDefinitions { key label required } }
          holder { __typename ... on Person { idNumber } ... on LegalPerson { creditCode } }
          holderName
          issuingAgency { creditCode }
          issuingAgencyName
          issuedOn validFrom validUntil status
          items { key label value }
          seal { algorithm canonicalization canonicalContent signature certificate sealId sealedAt }
          updatedAt
        }
        """;

    public static JsonObject Licence(Licence licence) => new()
    {
        ["number"] = licence.Number,
        ["type"] = new JsonObject
        {
            ["code"] = licence.Type.Code,
            ["name"] = licence.Type.Name,
            ["holderKind"] = licence.Type.HolderKind == HolderKind.Person ? "PERSON" : "LEGAL_PERSON",
            ["itemDefinitions"] = new JsonArray([.. licence.Type.ItemDefinitions.Select(d => (JsonNode)new JsonObject { ["key"] = d.Key, ["label"] = d.Label, ["required"] = d.Required })]),
        },
        ["holder"] = licence.Holder.Kind == HolderKind.Person
            ? new JsonObject { ["__typename"] = "Person", ["idNumber"] = licence.Holder.Key }
            : new JsonObject { ["__typename"] = "LegalPerson", ["creditCode"] = licence.Holder.Key },
        ["holderName"] = licence.HolderName,
        ["issuingAgency"] = new JsonObject { ["creditCode"] = licence.IssuingAgencyCode },
        ["issuingAgencyName"] = licence.IssuingAgencyName,
        ["issuedOn"] = Date(licence.IssuedOn),
        ["validFrom"] = Date(licence.ValidFrom),
        ["validUntil"] = licence.ValidUntil is { } until ? Date(until) : null,
        ["status"] = licence.Status.ToString().ToUpperInvariant(),
        ["items"] = new JsonArray([.. licence.Items.Select(i => (JsonNode)new JsonObject { ["key"] = i.Key, ["label"] = i.Label, ["value"] = i.Value })]),
        ["seal"] = new JsonObject
        {
            ["algorithm"] = licence.Seal.Algorithm,
            ["canonicalization"] = licence.Seal.Canonicalization,
            ["canonicalContent"] = licence.Seal.CanonicalContent,
            ["signature"] = licence.Seal.Signature,
            ["certificate"] = licence.Seal.Certificate,
            ["sealId"] = licence.Seal.SealId,
            ["sealedAt"] = Instant(licence.Seal.SealedAt),
        },
        ["updatedAt"] = Instant(licence.UpdatedAt),
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Json(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected:\n{expected?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
}
