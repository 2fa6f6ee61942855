namespace Federation.Subgraphs.Licences.Domain;

/// <summary>
/// An electronic licence as the licence library keeps it. The GraphQL fields read these
/// properties; <see cref="Seal"/> is the issuer's seal over the canonical content of the others.
/// </summary>
internal sealed record Licence(
    string Number,
    LicenceType Type,
    LicenceHolder Holder,
    string HolderName,
    string IssuingAgencyCode,
    string IssuingAgencyName,
    DateOnly IssuedOn,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    LicenceStatus Status,
    IReadOnlyList<LicenceItem> Items,
    ElectronicSeal Seal,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Within its validity period and not suspended, revoked or cancelled on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) =>
        Status is LicenceStatus.Valid or LicenceStatus.Expired
        && ValidFrom <= day
        && (ValidUntil is null || ValidUntil >= day);
}

/// <summary>
/// The issuer's electronic seal on a licence: the signature over the digest of
/// <see cref="CanonicalContent"/> (<see cref="Seals.SealDigest"/>) with the key of
/// <see cref="Certificate"/> (DER, base64). <see cref="Algorithm"/> is the GraphQL enum name of
/// <c>SealAlgorithm</c>. The library keeps the content to name what differs when a seal no longer
/// holds; the GraphQL seal shows only the digest, since the content holds every item.
/// <see cref="Salt"/> (base64, <see cref="Seals.SealSalt.Bytes"/> random bytes, new at every
/// sealing) is part of the content, so that the public digest confirms no guess of the items to
/// whoever cannot read the salt — GraphQL shows it only among the items (<c>…Items.sealSalt</c>).
/// </summary>
internal sealed record ElectronicSeal(
    string Algorithm,
    string Canonicalization,
    string CanonicalContent,
    string Signature,
    string Certificate,
    string SealId,
    DateTimeOffset SealedAt,
    string Salt)
{
    /// <summary>The placeholder of a licence being built, before its issuer seals it.</summary>
    public static readonly ElectronicSeal Unsealed = new("", "", "", "", "", "", DateTimeOffset.MinValue, "");
}
