using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Subgraphs.Licences.Seals;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>
/// What a party that may read a licence's fields does to check its seal, from the answer to
/// <see cref="Expected.FullLicence"/> alone, as the SDL's description of <c>ElectronicSeal</c> says:
/// rebuild the canonical content (the salt read from <c>items.sealSalt</c>), hash it, compare with
/// <c>contentDigest</c>, check the signature over the digest with the certificate's key.
/// </summary>
internal static class SealChecks
{
    /// <summary>The canonical content rebuilt from the licence's GraphQL fields, with the salt its items give.</summary>
    public static string RebuiltContent(JsonNode licence) => RebuiltContent(licence, licence["items"]!["sealSalt"]!.GetValue<string>());

    /// <summary>The canonical content rebuilt from the licence's GraphQL fields with <paramref name="salt"/> (as a caller who cannot read the salt would have to guess it).</summary>
    public static string RebuiltContent(JsonNode licence, string salt)
    {
        var items = new JsonArray();
        foreach (var definition in licence["type"]!["itemDefinitions"]!.AsArray())
        {
            var key = definition!["key"]!.GetValue<string>();
            if (licence["items"]![key] is JsonValue value)
            {
                // A count is written in decimal digits; every other item is a string already.
                var text = value.TryGetValue<int>(out var count) ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.GetValue<string>();
                items.Add(new JsonObject { ["key"] = key, ["label"] = definition["label"]!.GetValue<string>(), ["value"] = text });
            }
        }

        var holder = licence["holder"]!;
        var person = holder["__typename"]!.GetValue<string>() == "Person";
        var document = new JsonObject
        {
            ["number"] = licence["number"]!.GetValue<string>(),
            ["type"] = new JsonObject { ["code"] = licence["type"]!["code"]!.GetValue<string>(), ["name"] = licence["type"]!["name"]!.GetValue<string>() },
            ["holder"] = new JsonObject
            {
                ["kind"] = person ? "PERSON" : "LEGAL_PERSON",
                ["key"] = (person ? holder["idNumber"] : holder["creditCode"])!.GetValue<string>(),
                ["name"] = licence["holderName"]!.GetValue<string>(),
            },
            ["issuer"] = new JsonObject { ["creditCode"] = licence["issuingAgency"]!["creditCode"]!.GetValue<string>(), ["name"] = licence["issuingAgencyName"]!.GetValue<string>() },
            ["dates"] = new JsonObject
            {
                ["issuedOn"] = licence["issuedOn"]!.GetValue<string>(),
                ["validFrom"] = licence["validFrom"]!.GetValue<string>(),
                ["validUntil"] = licence["validUntil"]?.GetValue<string>(),
            },
            ["status"] = licence["status"]!.GetValue<string>(),
            ["items"] = items,
            ["salt"] = salt,
        };
        return JsonCanonicalization.Canonicalize(document);
    }

    /// <summary>The SHA-256 digest of the rebuilt content, base64.</summary>
    public static string RebuiltDigest(JsonNode licence) => Digest(RebuiltContent(licence));

    /// <summary>The SHA-256 digest of content rebuilt with <paramref name="salt"/>, base64.</summary>
    public static string RebuiltDigest(JsonNode licence, string salt) => Digest(RebuiltContent(licence, salt));

    private static string Digest(string content) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>Whether the signature holds over the published digest with the published certificate's key (P-256, DER signature).</summary>
    public static bool SignatureHoldsOverDigest(JsonNode seal)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(seal["certificate"]!.GetValue<string>()));
        using var key = certificate.GetECDsaPublicKey()!;
        return key.VerifyHash(
            Convert.FromBase64String(seal["contentDigest"]!.GetValue<string>()),
            Convert.FromBase64String(seal["signature"]!.GetValue<string>()),
            DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The seal of <paramref name="licence"/> holds for a reader of its fields: the rebuilt digest is the published one, and the signature holds over it.</summary>
    public static void AssertHolds(JsonNode licence)
    {
        var seal = licence["seal"]!;
        Assert.Equal("ECDSA_P256_SHA256", seal["algorithm"]!.GetValue<string>());
        Assert.Equal("SHA256", seal["digestAlgorithm"]!.GetValue<string>());
        Assert.Equal(RebuiltDigest(licence), seal["contentDigest"]!.GetValue<string>());
        Assert.True(SignatureHoldsOverDigest(seal), "The signature does not hold over the published digest.");
    }
}
