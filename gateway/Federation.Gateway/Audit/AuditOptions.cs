using System.Text.RegularExpressions;

namespace Federation.Gateway.Audit;

/// <summary>Where the trail is kept: the spool alone, or the spool shipped to PostgreSQL.</summary>
internal enum AuditStore
{
    /// <summary>The spool file is the trail (the one-command run): nothing is deleted from it.</summary>
    Spool,

    /// <summary>The spool ships to PostgreSQL (<c>ConnectionStrings:Audit</c>) and keeps only what is not there yet.</summary>
    Postgres,
}

/// <summary>The audit trail's settings, bound from the <c>Audit</c> section (AUDIT.md has the table).</summary>
internal sealed partial class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The Cybersecurity Law (art. 21) keeps network logs for at least six months.</summary>
    public const int MinimumRetentionDays = 180;

    public bool Enabled { get; set; } = true;

    public AuditStore Store { get; set; } = AuditStore.Spool;

    public string Schema { get; set; } = "audit";

    /// <summary>The spool's root; each instance's spool is a directory under it. Default <see cref="DefaultSpoolDirectory"/>.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>The chain's name: <c>[A-Za-z0-9._-]{1,63}</c>; default the host name (a pod's name on Kubernetes).</summary>
    public string? Instance { get; set; }

    /// <summary>Base64 of at least 32 bytes: the key of the subjects' keyed hashes. Required with <see cref="AuditStore.Postgres"/>.</summary>
    public string? SubjectKey { get; set; }

    /// <summary>The path of the ECDSA P-256 private key (PEM) checkpoints are signed with. Required with <see cref="AuditStore.Postgres"/>.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>
    /// Where the spool store (the one-command run) keeps the development keys it makes on first use when
    /// <see cref="SubjectKey"/> or <see cref="CheckpointKey"/> is not given; default beside the development signing key.
    /// </summary>
    public string? DevelopmentKeyDirectory { get; set; }

    public int CheckpointEvery { get; set; } = 1000;

    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// How long the shipper gathers records after a batch that was not full before it ships the next
    /// (Postgres store): records wait in the fsync'd spool meanwhile, and a few large batches a second
    /// cost the database far less than one per group commit. One second: at a gateway's ~2 000 requests a
    /// second a batch then holds about <see cref="BatchSize"/> records (a batch of 500 cost the database twice
    /// the CPU per record of one of 2 000, docs/benchmarks.md), and the store lags the spool by about a second.
    /// </summary>
    public TimeSpan ShipInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int RetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary>
    /// With <see cref="AuditStore.Postgres"/>: the gateway connects as the audit schema's owner, migrates
    /// it at start and applies the retention daily. Set false in production, where the gateway's role is
    /// only granted <c>&lt;schema&gt;_writer</c> and the owner runs <c>audit migrate</c> and <c>audit retain</c>.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    public double UnusualVolumeFactor { get; set; } = 10;

    /// <summary><c>~/.local/share/federation-gateway/audit-spool</c> (the platform's local application data).</summary>
    public static string DefaultSpoolDirectory => Path.Combine(DefaultDataDirectory, "audit-spool");

    public static string DefaultDataDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "federation-gateway");

    public string SpoolRoot => Path.GetFullPath(string.IsNullOrWhiteSpace(SpoolDirectory) ? DefaultSpoolDirectory : SpoolDirectory);

    /// <summary>The configured instance, or the host name made into a valid one.</summary>
    public string InstanceName => string.IsNullOrWhiteSpace(Instance) ? HostInstance(Environment.MachineName) : Instance;

    public static bool IsValidInstance(string instance) => InstancePattern().IsMatch(instance);

    /// <summary>A host name as an instance: characters outside the allowed set become <c>-</c>, at most 63.</summary>
    public static string HostInstance(string host)
    {
        var name = InvalidInstanceCharacter().Replace(host, "-");
        name = name.Length > 63 ? name[..63] : name;
        return name.Length == 0 ? "gateway" : name;
    }

    /// <summary>What is wrong with these settings, one sentence each; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsValidInstance(InstanceName))
        {
            problems.Add($"{Section}:Instance \"{Instance}\" is not a chain name: 1 to 63 of A-Z a-z 0-9 . _ -.");
        }

        if (CheckpointEvery < 1)
        {
            problems.Add($"{Section}:CheckpointEvery must be at least 1 (it is {CheckpointEvery}).");
        }

        if (CheckpointInterval < TimeSpan.FromSeconds(1) || CheckpointInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{Section}:CheckpointInterval must be between 00:00:01 and 01:00:00 (it is {CheckpointInterval}).");
        }

        if (BatchSize is < 1 or > 100_000)
        {
            problems.Add($"{Section}:BatchSize must be between 1 and 100000 (it is {BatchSize}).");
        }

        if (ShipInterval < TimeSpan.Zero || ShipInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{Section}:ShipInterval must be between 00:00:00 and 00:01:00 (it is {ShipInterval}).");
        }

        if (RetentionDays < MinimumRetentionDays)
        {
            problems.Add($"{Section}:RetentionDays must be at least {MinimumRetentionDays}: the Cybersecurity Law (art. 21) keeps network logs for six months (it is {RetentionDays}).");
        }

        if (!(UnusualVolumeFactor > 1))
        {
            problems.Add($"{Section}:UnusualVolumeFactor must be more than 1 (it is {UnusualVolumeFactor}).");
        }

        if (string.IsNullOrWhiteSpace(Schema) || !SchemaPattern().IsMatch(Schema))
        {
            problems.Add($"{Section}:Schema \"{Schema}\" is not a PostgreSQL schema name (lower-case letters, digits, _).");
        }

        if (Store == AuditStore.Postgres)
        {
            if (string.IsNullOrWhiteSpace(SubjectKey))
            {
                problems.Add($"{Section}:SubjectKey (base64, at least 32 bytes) is required with {Section}:Store=Postgres: the subjects' keyed hashes must survive a restart and be the same on every instance.");
            }

            if (string.IsNullOrWhiteSpace(CheckpointKey))
            {
                problems.Add($"{Section}:CheckpointKey (the path of an ECDSA P-256 private key, PEM) is required with {Section}:Store=Postgres: checkpoints are signed with the platform's key.");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,63}$")]
    private static partial Regex InstancePattern();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex InvalidInstanceCharacter();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaPattern();
}
