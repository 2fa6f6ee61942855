using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// Checks a licence's seal the way anyone holding the platform root would: the certificate is
/// readable, chains to the trusted root and was valid when the licence was sealed, belongs to the
/// issuing agency, the signature holds over the sealed content's digest, and that digest is the
/// digest of what the licence's current fields and its seal's salt canonicalise to (a salt changed
/// behind the sealer's back shows as <c>salt</c> among the differing members). The first failed
/// check is the reason given.
/// </summary>
internal sealed class SealVerifier(X509Certificate2 trustedRoot)
{
    public SealVerification Verify(Licence licence, DateTimeOffset checkedAt)
    {
        var failure = Failure(licence);
        return new(licence, failure is null, failure, checkedAt);
    }

    /// <summary>Why the seal does not hold, or null when it does.</summary>
    public string? Failure(Licence licence)
    {
        var seal = licence.Seal;
        if (seal.Algorithm == SealAlgorithms.Sm2WithSm3)
        {
            return "The seal is SM2 with SM3, which this service cannot check: .NET implements neither SM2 nor SM3.";
        }

        if (seal.Canonicalization != JsonCanonicalization.Name)
        {
            return $"The seal's canonicalization {seal.Canonicalization} is not {JsonCanonicalization.Name}.";
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(seal.Certificate));
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return "The seal certificate is not a readable X.509 certificate (DER, base64).";
        }

        using (certificate)
        {
            var sealedAt = seal.SealedAt.UtcDateTime;
            if (sealedAt < certificate.NotBefore.ToUniversalTime() || sealedAt > certificate.NotAfter.ToUniversalTime())
            {
                return $"The seal certificate was not valid when the licence was sealed: sealed at {Instant(seal.SealedAt)}, "
                    + $"certificate valid from {Instant(certificate.NotBefore)} to {Instant(certificate.NotAfter)}.";
            }

            if (ChainFailure(certificate, sealedAt) is { } chainFailure)
            {
                return "The seal certificate does not chain to the platform's trusted root: " + chainFailure;
            }

            if (SealCertificates.CreditCodeOf(certificate) is var holder && holder != licence.IssuingAgencyCode)
            {
                return $"The seal certificate belongs to {holder ?? "no credit code"}, not to the issuing agency {licence.IssuingAgencyCode}.";
            }

            if (!SignatureHolds(certificate, seal))
            {
                return $"The signature does not verify over the sealed content's digest with the seal certificate's key ({seal.Algorithm}).";
            }
        }

        // The digest of the current fields with the kept salt must be the signed one; the kept content only names what differs.
        var current = SealContent.Of(licence);
        if (!SealDigest.Of(seal.Algorithm, current)!.AsSpan().SequenceEqual(SealDigest.Of(seal.Algorithm, seal.CanonicalContent)))
        {
            var members = SealContent.DifferingMembers(seal.CanonicalContent, current);
            return $"The licence's current content differs from the sealed content in: {string.Join(", ", members)}.";
        }

        return null;
    }

    private string? ChainFailure(X509Certificate2 certificate, DateTime sealedAt)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = sealedAt;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (chain.Build(certificate))
        {
            return null;
        }

        var statuses = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
        return string.Join(", ", statuses) + ".";
    }

    private static bool SignatureHolds(X509Certificate2 certificate, ElectronicSeal seal)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(seal.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        // Over the digest the seal publishes, as any outside verifier checks it.
        var digest = SealDigest.Of(seal.Algorithm, seal.CanonicalContent)!;
        switch (seal.Algorithm)
        {
            case SealAlgorithms.EcdsaP256Sha256:
                using (var ec = certificate.GetECDsaPublicKey())
                {
                    return ec is { KeySize: 256 } && ec.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
                }

            case SealAlgorithms.RsaSha256:
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    return rsa is not null && rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }

            default:
                return false;
        }
    }

    private static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Instant(DateTime instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The outcome of checking a licence's seal (GraphQL <c>SealVerification</c>).</summary>
internal sealed record SealVerification(Licence? Licence, bool Valid, string? Failure, DateTimeOffset CheckedAt);
