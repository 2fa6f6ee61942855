using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// DEMO ONLY — never for real seals. Seal keys derived from the demo seed, so that every run (and
/// every replica) of the demo has the same keys: each private key is HMAC-SHA256 of the agency's
/// credit code under a key made from the seed, taken modulo the P-256 group order. Anyone who
/// knows the seed knows every key. The platform root and each agency's seal certificate are made
/// from those keys at start-up; ECDSA signatures are randomised, so the certificates' and seals'
/// signature bytes differ from run to run while the keys, and so every verification, do not.
/// Production keys come from configuration (<see cref="ConfiguredSealKeyring"/>).
/// </summary>
internal sealed class DemoSealKeyring : ISealKeyring
{
    /// <summary>Demo seal certificates are valid from before the demo library opened (2019) so that every seeded seal verifies.</summary>
    public static readonly DateTimeOffset ValidFrom = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset ValidUntil = new(2060, 12, 31, 23, 59, 59, TimeSpan.Zero);

    // The order n of the P-256 group (FIPS 186-4, D.1.2.3).
    private static readonly BigInteger GroupOrder = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    private readonly byte[] derivationKey;
    private readonly ECDsa rootKey;
    private readonly ConcurrentDictionary<string, SealKey> seals = new(StringComparer.Ordinal);

    public DemoSealKeyring(long seed)
    {
        derivationKey = SHA256.HashData(Encoding.UTF8.GetBytes($"federation-demo-seal-keys/v1/{seed}"));
        rootKey = Derive("platform-root");
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("政务数据共享平台（演示）");
        subject.AddCommonName("电子印章根证书 DEMO ONLY");
        var request = new CertificateRequest(subject.Build(), rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        TrustedRoot = request.CreateSelfSigned(ValidFrom, ValidUntil);
    }

    public X509Certificate2 TrustedRoot { get; }

    public SealKey For(string agencyCreditCode, string agencyName) =>
        seals.GetOrAdd(agencyCreditCode, static (code, state) => state.Keyring.Issue(code, state.Name), (Keyring: this, Name: agencyName));

    private SealKey Issue(string creditCode, string agencyName)
    {
        var key = Derive("seal/" + creditCode);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName(agencyName);
        subject.Add(SealCertificates.OrganizationIdentifierOid, creditCode, System.Formats.Asn1.UniversalTagNumber.UTF8String);
        subject.AddCommonName(agencyName + " 电子印章 DEMO ONLY");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(TrustedRoot, true, false));
        var serial = SHA256.HashData(Encoding.UTF8.GetBytes("serial/" + creditCode))[..16];
        serial[0] &= 0x7f;
        var certificate = request.Create(TrustedRoot.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), ValidFrom, ValidUntil, serial);
        return new SealKey(creditCode + "-01", certificate, key);
    }

    /// <summary>A P-256 private key from the seed and a label: d = HMAC(label, counter) mod n, retried on the negligible chance it is 0.</summary>
    private ECDsa Derive(string label)
    {
        for (var counter = 0; ; counter++)
        {
            var digest = HMACSHA256.HashData(derivationKey, Encoding.UTF8.GetBytes($"{label}/{counter}"));
            var d = new BigInteger(digest, isUnsigned: true, isBigEndian: true) % GroupOrder;
            if (d.IsZero)
            {
                continue;
            }

            var bytes = new byte[32];
            d.TryWriteBytes(bytes.AsSpan(32 - d.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
            return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = bytes });
        }
    }
}
