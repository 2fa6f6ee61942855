using System.Security.Cryptography;
using Federation.Gateway.Audit.Subjects;

namespace Federation.Gateway.Audit.Keys;

/// <summary>
/// The trail's keys: the subject key (<c>Audit:SubjectKey</c>, base64, ≥ 32 bytes) the subjects'
/// identifiers are hashed with, and the checkpoint key (<c>Audit:CheckpointKey</c>, the path of an ECDSA
/// P-256 private key in PEM) checkpoints are signed with. The Postgres store requires both; the spool
/// store (the one-command run) makes development keys on first use (files 0600).
/// </summary>
internal sealed class AuditKeys
{
    public const string SubjectKeyFile = "audit-subject-key";
    public const string CheckpointKeyFile = "audit-checkpoint-key.pem";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    public AuditKeys(SubjectHash subjects, CheckpointSigner checkpoints, bool development)
    {
        Subjects = subjects;
        Checkpoints = checkpoints;
        Development = development;
    }

    public SubjectHash Subjects { get; }

    public CheckpointSigner Checkpoints { get; }

    /// <summary>At least one key is a development key the gateway made itself.</summary>
    public bool Development { get; }

    /// <summary>The public keys checkpoints are verified with.</summary>
    public IReadOnlyList<ECDsa> PublicKeys => [Checkpoints.PublicKey];

    /// <exception cref="AuditConfigurationException">A key is missing (Postgres store), unreadable or too weak.</exception>
    public static AuditKeys Load(AuditOptions options)
    {
        var developmentDirectory = string.IsNullOrWhiteSpace(options.DevelopmentKeyDirectory) ? AuditOptions.DefaultDataDirectory : options.DevelopmentKeyDirectory;
        var development = false;
        string subjectText;
        string subjectSource;
        if (!string.IsNullOrWhiteSpace(options.SubjectKey))
        {
            subjectText = options.SubjectKey;
            subjectSource = $"{AuditOptions.Section}:SubjectKey";
        }
        else if (options.Store == AuditStore.Spool)
        {
            subjectSource = Path.GetFullPath(Path.Combine(developmentDirectory, SubjectKeyFile));
            subjectText = DevelopmentKeyFile.LoadOrCreate(subjectSource, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
            development = true;
        }
        else
        {
            throw new AuditConfigurationException($"{AuditOptions.Section}:SubjectKey (base64, at least 32 bytes) is required with {AuditOptions.Section}:Store=Postgres.");
        }

        var bytes = new byte[subjectText.Length];
        if (!Convert.TryFromBase64String(subjectText.Trim(), bytes, out var length) || length < SubjectHash.MinimumKeyBytes)
        {
            throw new AuditConfigurationException($"{subjectSource} is not a subject key: base64 of at least {SubjectHash.MinimumKeyBytes} bytes.");
        }

        string keyPath;
        if (!string.IsNullOrWhiteSpace(options.CheckpointKey))
        {
            keyPath = Path.GetFullPath(options.CheckpointKey);
            if (!File.Exists(keyPath))
            {
                throw new AuditConfigurationException($"{AuditOptions.Section}:CheckpointKey {keyPath} does not exist.");
            }

            DevelopmentKeyFile.CheckOwnerOnly(keyPath, "audit checkpoint key");
        }
        else if (options.Store == AuditStore.Spool)
        {
            keyPath = Path.GetFullPath(Path.Combine(developmentDirectory, CheckpointKeyFile));
            DevelopmentKeyFile.LoadOrCreate(keyPath, () =>
            {
                using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return made.ExportPkcs8PrivateKeyPem() + "\n";
            });
            development = true;
        }
        else
        {
            throw new AuditConfigurationException($"{AuditOptions.Section}:CheckpointKey (the path of an ECDSA P-256 private key, PEM) is required with {AuditOptions.Section}:Store=Postgres.");
        }

        return new AuditKeys(new SubjectHash(bytes.AsSpan(0, length)), new CheckpointSigner(ReadCheckpointKey(keyPath)), development);
    }

    /// <summary>The ECDSA P-256 private key in the PEM file at <paramref name="path"/>.</summary>
    public static ECDsa ReadCheckpointKey(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid?.Value != P256Oid && parameters.Curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new AuditConfigurationException($"The audit checkpoint key {path} is not on the P-256 curve.");
            }

            return key;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new AuditConfigurationException($"The audit checkpoint key {path} is not an ECDSA private key in PEM: {exception.Message}");
        }
    }
}
