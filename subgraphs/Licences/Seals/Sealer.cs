using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// Seals licences in their issuer's name: signs the digest of the canonical content, a new random
/// salt included (<see cref="SealSalt"/>), with the issuing agency's seal key.
/// </summary>
internal sealed class Sealer(ISealKeyring keyring)
{
    public ISealKeyring Keyring => keyring;

    /// <summary>A seal over the licence's current content with a fresh salt.</summary>
    /// <exception cref="Federation.GraphQL.GraphQLException">SEAL_UNAVAILABLE: the keyring holds no seal of the issuing agency.</exception>
    public ElectronicSeal Seal(Licence licence, DateTimeOffset sealedAt) => Seal(licence, sealedAt, SealSalt.Fresh());

    /// <summary>A seal over the licence's current content with the given salt (the demo seed's, or a salt a migration gave a row).</summary>
    /// <exception cref="Federation.GraphQL.GraphQLException">SEAL_UNAVAILABLE: the keyring holds no seal of the issuing agency.</exception>
    public ElectronicSeal Seal(Licence licence, DateTimeOffset sealedAt, string salt)
    {
        var key = keyring.For(licence.IssuingAgencyCode, licence.IssuingAgencyName)
            ?? throw LicenceErrorCodes.SealUnavailableFor(licence.IssuingAgencyCode);
        var content = SealContent.Of(licence, salt);
        var signature = key.SignDigest(SealDigest.Of(key.Algorithm, content)!);
        return new ElectronicSeal(key.Algorithm, JsonCanonicalization.Name, content, Convert.ToBase64String(signature), key.CertificateBase64, key.SealId, sealedAt, salt);
    }

    /// <summary>The licence with a fresh seal, and a fresh salt, over its current content.</summary>
    public Licence Reseal(Licence licence, DateTimeOffset sealedAt) => licence with { Seal = Seal(licence, sealedAt) };

    /// <summary>The licence with a seal over its current content with the given salt.</summary>
    public Licence Reseal(Licence licence, DateTimeOffset sealedAt, string salt) => licence with { Seal = Seal(licence, sealedAt, salt) };
}
