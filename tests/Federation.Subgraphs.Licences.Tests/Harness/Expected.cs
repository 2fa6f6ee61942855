using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
          items { ...Items }
          seal { algorithm canonicalization digestAlgorithm contentDigest signature certificate sealId sealedAt }
          updatedAt
        }
        """ + "\n" + ItemsFragment;

    /// <summary>
    /// Every field of every licence type's items, written out by hand as a client would: a test
    /// checks the SDL's item types are exactly the catalogue's item definitions.
    /// </summary>
    public const string ItemsFragment = """
        fragment Items on LicenceItems {
          __typename
          ... on RealEstateTitleItems { holder { idNumber } location unitNumber rightType rightNature use area termOfUse coOwnership sealSalt }
          ... on RoadTransportPermitItems { principal address economicType businessScope sealSalt }
          ... on DrivingLicenceItems { holder { idNumber } gender nationality birthDate address firstIssuedOn vehicleClass fileNumber sealSalt }
          ... on MarriageCertificateItems { registeredOn spouseName spouseIdNumber remarks sealSalt }
          ... on HouseholdRegisterItems { holder { idNumber } householdNumber householdKind address memberCount sealSalt }
          ... on ConstructionQualificationItems { legalRepresentative economicNature qualification registeredCapital sealSalt }
          ... on SocialOrganisationCertificateItems { legalRepresentative businessScope domicile activityArea registeredFunds supervisoryUnit sealSalt }
          ... on FoodBusinessLicenceItems { legalRepresentative domicile premises businessFormat businessItems supervisingAuthority sealSalt }
          ... on HygieneLicenceItems { legalRepresentative address licensedItems sealSalt }
          ... on DrugBusinessLicenceItems { legalRepresentative principal qualityPrincipal registeredAddress warehouseAddress businessMode businessScope sealSalt }
          ... on PhysicianPracticeCertificateItems { practiceCategory practiceScope practiceInstitution sealSalt }
          ... on BusinessLicenceItems { enterpriseType legalRepresentative registeredCapital establishedOn businessTerm domicile businessScope sealSalt }
        }
        """;

    /// <summary>The types whose items carry the holder, for division scoping at the gateway.</summary>
    private static readonly HashSet<string> ItemsWithHolder = ["RealEstateTitleItems", "DrivingLicenceItems", "HouseholdRegisterItems"];

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
        ["items"] = Items(licence),
        ["seal"] = new JsonObject
        {
            ["algorithm"] = licence.Seal.Algorithm,
            ["canonicalization"] = licence.Seal.Canonicalization,
            ["digestAlgorithm"] = "SHA256",
            ["contentDigest"] = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(licence.Seal.CanonicalContent))),
            ["signature"] = licence.Seal.Signature,
            ["certificate"] = licence.Seal.Certificate,
            ["sealId"] = licence.Seal.SealId,
            ["sealedAt"] = Instant(licence.Seal.SealedAt),
        },
        ["updatedAt"] = Instant(licence.UpdatedAt),
    };

    /// <summary>The licence's items as its type's object: each defined item under its key (null when not carried), a count as a number, and the seal's salt.</summary>
    public static JsonObject Items(Licence licence)
    {
        var items = new JsonObject { ["__typename"] = licence.Type.ItemsTypeName };
        if (ItemsWithHolder.Contains(licence.Type.ItemsTypeName))
        {
            items["holder"] = new JsonObject { ["idNumber"] = licence.Holder.Key };
        }

        foreach (var definition in licence.Type.ItemDefinitions)
        {
            var value = licence.Items.SingleOrDefault(i => i.Key == definition.Key)?.Value;
            items[definition.Key] = value is null ? null
                : definition.Kind == LicenceItemKind.Count ? JsonValue.Create(int.Parse(value, CultureInfo.InvariantCulture))
                : JsonValue.Create(value);
        }

        items["sealSalt"] = licence.Seal.Salt;
        return items;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Json(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected:\n{expected?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
}
