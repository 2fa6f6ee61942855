using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// The seal keys of a real deployment, from configuration (section <c>Seals</c>): the trusted root
/// certificate (PEM or DER file) and, per agency, a PKCS#12 file holding its seal certificate and
/// private key. Each certificate must carry the agency's credit code (organizationIdentifier) and
/// chain to the root; start-up stops otherwise.
/// </summary>
internal sealed class ConfiguredSealKeyring : ISealKeyring
{
    private readonly Dictionary<string, SealKey> seals = new(StringComparer.Ordinal);

    public ConfiguredSealKeyring(SealOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TrustedRoot))
        {
            throw new InvalidOperationException("Seals:TrustedRoot must name the root certificate file when Seals:Keys is Configured.");
        }

        TrustedRoot = X509CertificateLoader.LoadCertificateFromFile(options.TrustedRoot);
        foreach (var agency in options.Agencies)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(agency.Pfx, agency.Password, X509KeyStorageFlags.EphemeralKeySet);
            AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
                ?? throw new InvalidOperationException($"Seal file {agency.Pfx} holds no ECDSA or RSA private key.");
            var creditCode = SealCertificates.CreditCodeOf(certificate);
            if (creditCode != agency.CreditCode)
            {
                throw new InvalidOperationException($"Seal file {agency.Pfx} is issued to {creditCode ?? "no credit code"}, not to {agency.CreditCode}.");
            }

            seals[agency.CreditCode] = new SealKey(agency.SealId ?? agency.CreditCode + "-01", certificate, key);
        }
    }

    public X509Certificate2 TrustedRoot { get; }

    public SealKey? For(string agencyCreditCode, string agencyName) => seals.GetValueOrDefault(agencyCreditCode);
}

/// <summary>Configuration section <c>Seals</c>.</summary>
internal sealed class SealOptions
{
    public const string Section = "Seals";

    /// <summary><c>Demo</c> (default): keys derived from the demo seed, for demos and tests only. <c>Configured</c>: the files below.</summary>
    public string Keys { get; set; } = "Demo";

    /// <summary>The platform root certificate file (PEM or DER) seal certificates chain to.</summary>
    public string? TrustedRoot { get; set; }

    public List<AgencySealOptions> Agencies { get; set; } = [];
}

internal sealed class AgencySealOptions
{
    public string CreditCode { get; set; } = "";

    /// <summary>The PKCS#12 (PFX) file with the seal certificate and its private key.</summary>
    public string Pfx { get; set; } = "";

    public string? Password { get; set; }

    /// <summary>The seal's identifier (印章编码); the credit code and "-01" when not given.</summary>
    public string? SealId { get; set; }
}
