using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// One agency's seal: its identifier (印章编码), its private key, and its X.509 seal certificate
/// issued by the platform's root; <see cref="Algorithm"/> follows from the key.
/// </summary>
internal sealed class SealKey
{
    public SealKey(string sealId, X509Certificate2 certificate, AsymmetricAlgorithm privateKey)
    {
        SealId = sealId;
        Certificate = certificate;
        CertificateBase64 = Convert.ToBase64String(certificate.RawData);
        PrivateKey = privateKey;
        Algorithm = privateKey switch
        {
            ECDsa ec when ec.KeySize == 256 => SealAlgorithms.EcdsaP256Sha256,
            RSA => SealAlgorithms.RsaSha256,
            _ => throw new ArgumentException($"Seal {sealId}: only P-256 ECDSA and RSA keys can seal.", nameof(privateKey)),
        };
    }

    public string SealId { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificateBase64 { get; }

    public AsymmetricAlgorithm PrivateKey { get; }

    /// <summary>The GraphQL name of the <c>SealAlgorithm</c>.</summary>
    public string Algorithm { get; }

    /// <summary>Signs a SHA-256 digest (<see cref="SealDigest"/>): the same signature as over the content itself, and what the seal lets anyone check.</summary>
    public byte[] SignDigest(byte[] digest) => PrivateKey switch
    {
        // DER (RFC 3279), what OpenSSL and most X.509 tooling read, rather than .NET's default r||s.
        ECDsa ec => ec.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence),
        RSA rsa => rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new InvalidOperationException("Unsupported seal key."),
    };
}

/// <summary>The names of the GraphQL enum <c>SealAlgorithm</c>.</summary>
internal static class SealAlgorithms
{
    /// <summary>SM2 with SM3 — the national standard, which .NET's cryptography does not implement: seals of this kind can be neither made nor checked here.</summary>
    public const string Sm2WithSm3 = "SM2_WITH_SM3";
    public const string EcdsaP256Sha256 = "ECDSA_P256_SHA256";
    public const string RsaSha256 = "RSA_SHA256";
}

/// <summary>Where the agencies' seal keys and the trusted root come from.</summary>
internal interface ISealKeyring
{
    /// <summary>The platform's root certificate every seal certificate must chain to.</summary>
    X509Certificate2 TrustedRoot { get; }

    /// <summary>The seal of the agency with this credit code; null when the keyring holds none.</summary>
    SealKey? For(string agencyCreditCode, string agencyName);
}
