using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>Seals licences in their issuer's name: signs the digest of the canonical content with the issuing agency's seal key.</summary>
internal sealed class Sealer(ISealKeyring keyring)
{
    public ISealKeyring Keyring => keyring;

    /// <exception cref="Federation.GraphQL.GraphQLException">SEAL_UNAVAILABLE: the keyring holds no seal of the issuing agency.</exception>
    public ElectronicSeal Seal(Licence licence, DateTimeOffset sealedAt)
    {
        var key = keyring.For(licence.IssuingAgencyCode, licence.IssuingAgencyName)
            ?? throw LicenceErrorCodes.SealUnavailableFor(licence.IssuingAgencyCode);
        var content = SealContent.Of(licence);
        var signature = key.SignDigest(SealDigest.Of(key.Algorithm, content)!);
        return new ElectronicSeal(key.Algorithm, JsonCanonicalization.Name, content, Convert.ToBase64String(signature), key.CertificateBase64, key.SealId, sealedAt);
    }

    /// <summary>The licence with a fresh seal over its current content.</summary>
    public Licence Reseal(Licence licence, DateTimeOffset sealedAt) => licence with { Seal = Seal(licence, sealedAt) };
}
