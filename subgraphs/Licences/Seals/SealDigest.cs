using System.Security.Cryptography;
using System.Text;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// The digest a seal's signature signs: the hash of the canonical content's UTF-8 bytes by the
/// hash of the seal's algorithm. The seal publishes the digest rather than the content, so it
/// shows nobody the licence's items; whoever may read them rebuilds the content and compares.
/// </summary>
internal static class SealDigest
{
    /// <summary>The GraphQL <c>DigestAlgorithm</c> of SHA-256 (ECDSA P-256 and RSA seals).</summary>
    public const string Sha256 = "SHA256";

    /// <summary>The GraphQL <c>DigestAlgorithm</c> of SM3 (SM2 seals), which .NET does not implement.</summary>
    public const string Sm3 = "SM3";

    /// <summary>The GraphQL <c>DigestAlgorithm</c> a seal of <paramref name="sealAlgorithm"/> signs with.</summary>
    public static string AlgorithmOf(string sealAlgorithm) => sealAlgorithm == SealAlgorithms.Sm2WithSm3 ? Sm3 : Sha256;

    /// <summary>The digest of <paramref name="canonicalContent"/> for a seal of <paramref name="sealAlgorithm"/>; null for SM3, which this service cannot compute.</summary>
    public static byte[]? Of(string sealAlgorithm, string canonicalContent) =>
        AlgorithmOf(sealAlgorithm) == Sha256 ? SHA256.HashData(Encoding.UTF8.GetBytes(canonicalContent)) : null;
}
