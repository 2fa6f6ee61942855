using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Audit.Verification;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Federation.Gateway.Audit;

/// <summary>
/// <c>audit migrate</c>, <c>audit retain</c> and <c>audit verify</c>: the audit store's owner's commands
/// and the verifier. The database is <c>--connection</c>, else <c>ConnectionStrings:Audit</c>; the schema
/// <c>--schema</c>, else <c>Audit:Schema</c> (default <c>audit</c>) — configuration from the environment
/// (<c>ConnectionStrings__Audit</c>, <c>Audit__Schema</c>, <c>Audit__RetentionDays</c>, <c>Audit__CheckpointKey</c>),
/// as the gateway reads it. <c>verify --spool DIR</c> verifies the one-command run's spool instead (no
/// database), with its development checkpoint key unless a key is given. <c>verify</c> exits 0 when every chain is whole, 1 at the first broken link
/// (named: instance, sequence, code, message), 2 for bad usage, 3 when the trail cannot be read.
/// </summary>
public static class AuditCommand
{
    public const int Whole = 0;
    public const int Broken = 1;
    public const int BadUsage = 2;
    public const int Unreadable = 3;

    private const string DefaultSchema = "audit";
    private const string ConnectionStringName = "Audit";

    public static Command Create() => Create(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    internal static Command Create(IConfiguration configuration)
    {
        var connection = new Option<string?>("--connection") { Description = "The audit database's connection string (default: ConnectionStrings:Audit, the environment variable ConnectionStrings__Audit)." };
        var schema = new Option<string?>("--schema") { Description = $"The audit schema (default: Audit:Schema, else {DefaultSchema})." };

        var migrate = new Command("migrate", "Bring the audit schema to its latest migration: tables, triggers, the partition function, the <schema>_writer role and its rights. Run as the schema's owner.")
        {
            connection, schema,
        };
        migrate.SetAction((parse, cancellationToken) => MigrateAsync(
            Target(parse.GetValue(connection), parse.GetValue(schema), configuration),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));

        var days = new Option<int?>("--retention-days") { Description = $"Keep this many days at least (default: Audit:RetentionDays, else {AuditSchemaOwner.MinimumRetentionDays}; never fewer than {AuditSchemaOwner.MinimumRetentionDays})." };
        var retain = new Command("retain", "Detach and drop the month partitions whose whole range is older than the retention. Run as the schema's owner.")
        {
            connection, schema, days,
        };
        retain.SetAction((parse, cancellationToken) => RetainAsync(
            Target(parse.GetValue(connection), parse.GetValue(schema), configuration),
            parse.GetValue(days) ?? configuration.GetValue<int?>("Audit:RetentionDays") ?? AuditSchemaOwner.MinimumRetentionDays,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));

        var publicKeys = new Option<string[]>("--public-key")
        {
            Description = "A PEM file with a checkpoint key (public, or the private key itself); repeatable for keys rotated out. Default: the private key Audit:CheckpointKey names.",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        var spool = new Option<string?>("--spool") { Description = "Verify the spool directory (Audit:SpoolDirectory, one directory per instance) instead of the database: the one-command run's trail." };
        var verify = new Command("verify", "Verify every instance's hash chain and signed checkpoints, and each record's columns against its body; name the first broken link.")
        {
            connection, schema, publicKeys, spool,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.UnmatchedTokens.Count > 0)
            {
                error.WriteLine($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Usage: audit verify [--connection CS] [--schema NAME] [--spool DIR] [--public-key FILE]…");
                return Task.FromResult(BadUsage);
            }

            if (parse.GetValue(spool) is { } spoolDirectory)
            {
                if (parse.GetValue(connection) is not null)
                {
                    error.WriteLine("Verify one trail: --spool DIR or --connection, not both.");
                    return Task.FromResult(BadUsage);
                }

                return Task.FromResult(VerifySpool(spoolDirectory, SpoolKeyFiles(parse.GetValue(publicKeys)!, configuration), parse.InvocationConfiguration.Output, error));
            }

            return VerifyAsync(
                Target(parse.GetValue(connection), parse.GetValue(schema), configuration),
                KeyFiles(parse.GetValue(publicKeys)!, configuration),
                parse.InvocationConfiguration.Output,
                error,
                cancellationToken);
        });

        return new Command("audit", "The audit trail in PostgreSQL: migrate and retain (as the schema's owner), verify.") { migrate, retain, verify };
    }

    /// <summary>Where the audit store is: a connection string (null when none is given) and a schema.</summary>
    internal sealed record StoreTarget(string? ConnectionString, string Schema)
    {
        /// <summary>What is wrong with the target, for the command line; null when nothing is.</summary>
        public string? Problem() =>
            string.IsNullOrWhiteSpace(ConnectionString)
                ? "No audit database: give --connection, or set ConnectionStrings:Audit (the environment variable ConnectionStrings__Audit)."
                : !AuditSchemaOwner.IsValidSchema(Schema)
                    ? $"The audit schema '{Schema}' must be 1 to 56 of a-z, 0-9 and _, starting with a letter or _."
                    : null;
    }

    internal static async Task<int> MigrateAsync(StoreTarget target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (target.Problem() is { } problem)
        {
            error.WriteLine(problem);
            return BadUsage;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(target.ConnectionString!);
            var applied = await AuditSchemaOwner.MigrateAsync(dataSource, target.Schema, null, cancellationToken).ConfigureAwait(false);
            output.WriteLine(applied.Count == 0
                ? $"The audit schema {target.Schema} is up to date."
                : $"Applied to the audit schema {target.Schema}: {string.Join(", ", applied.Select(m => m.Version.ToString("D4", CultureInfo.InvariantCulture) + "_" + m.Name))}.");
            output.WriteLine($"Grant the writer role to the gateway's login role: GRANT {AuditSchemaOwner.WriterRole(target.Schema)} TO <gateway role>;");
            return 0;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            error.WriteLine($"The audit schema {target.Schema} could not be migrated: {exception.Message}");
            return 1;
        }
    }

    internal static async Task<int> RetainAsync(StoreTarget target, int retentionDays, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (target.Problem() is { } problem)
        {
            error.WriteLine(problem);
            return BadUsage;
        }

        if (retentionDays < AuditSchemaOwner.MinimumRetentionDays)
        {
            error.WriteLine($"A retention of {retentionDays} days is refused: the audit trail is kept at least {AuditSchemaOwner.MinimumRetentionDays} days (Cybersecurity Law art. 21).");
            return BadUsage;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(target.ConnectionString!);
            var dropped = await AuditSchemaOwner.RetainAsync(dataSource, target.Schema, retentionDays, cancellationToken).ConfigureAwait(false);
            output.WriteLine(dropped.Count == 0
                ? $"No partition of {target.Schema} is older than {retentionDays} days."
                : $"Dropped the partitions older than {retentionDays} days: {string.Join(", ", dropped)}.");
            return 0;
        }
        catch (NpgsqlException exception)
        {
            error.WriteLine($"The retention of {target.Schema} could not be applied: {exception.Message}");
            return 1;
        }
    }

    internal static async Task<int> VerifyAsync(StoreTarget target, IReadOnlyList<string> keyFiles, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (target.Problem() is { } problem)
        {
            error.WriteLine(problem);
            return BadUsage;
        }

        if (LoadKeys(keyFiles, error) is not { } keys)
        {
            return BadUsage;
        }

        ChainVerification verification;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(target.ConnectionString!);
            verification = await new PostgresChainVerification(dataSource, target.Schema).VerifyAsync(keys, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException)
        {
            error.WriteLine($"The audit trail in {target.Schema} could not be read: {exception.Message}");
            return Unreadable;
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }

        return Report(verification, output);
    }

    /// <summary>Verifies the spool directory <paramref name="directory"/> (every instance's sub-directory).</summary>
    internal static int VerifySpool(string directory, IReadOnlyList<string> keyFiles, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"The spool directory {directory} does not exist.");
            return BadUsage;
        }

        if (LoadKeys(keyFiles, error) is not { } keys)
        {
            return BadUsage;
        }

        try
        {
            var contents = AuditSpoolReader.ReadAll(directory);
            return Report(new ChainVerifier(keys).Verify(contents.Records, contents.Checkpoints), output);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"The spool {directory} could not be read: {exception.Message}");
            return Unreadable;
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    /// <summary>Prints the verification: <c>whole: …</c>, or the first broken link; the exit code.</summary>
    internal static int Report(ChainVerification verification, TextWriter output)
    {
        var instances = verification.Instances.Count == 0 ? "none" : string.Join(", ", verification.Instances);
        var counts = $"{verification.Records} records, {verification.Checkpoints} checkpoints, instances {instances}";
        if (verification.FirstBreak is not { } broken)
        {
            output.WriteLine("whole: " + counts);
            return Whole;
        }

        output.WriteLine($"broken: instance {broken.Instance}, sequence {broken.Sequence}, {broken.Code}: {broken.Message}");
        output.WriteLine("read: " + counts);
        return Broken;
    }

    private static StoreTarget Target(string? connection, string? schema, IConfiguration configuration) => new(
        connection ?? configuration.GetConnectionString(ConnectionStringName),
        schema ?? configuration["Audit:Schema"] ?? DefaultSchema);

    private static IReadOnlyList<string> KeyFiles(string[] given, IConfiguration configuration) =>
        given.Length > 0 ? given : configuration["Audit:CheckpointKey"] is { Length: > 0 } configured ? [configured] : [];

    /// <summary>For a spool: as <see cref="KeyFiles"/>, else the one-command run's development checkpoint key, if it was made.</summary>
    private static IReadOnlyList<string> SpoolKeyFiles(string[] given, IConfiguration configuration)
    {
        if (KeyFiles(given, configuration) is { Count: > 0 } files)
        {
            return files;
        }

        var directory = configuration["Audit:DevelopmentKeyDirectory"] is { Length: > 0 } configured ? configured : AuditOptions.DefaultDataDirectory;
        var development = Path.Combine(directory, AuditKeys.CheckpointKeyFile);
        return File.Exists(development) ? [development] : [];
    }

    /// <summary>The checkpoint keys of the PEM files; null, with the reason written, when there is none or one does not load.</summary>
    private static List<ECDsa>? LoadKeys(IReadOnlyList<string> files, TextWriter error)
    {
        if (files.Count == 0)
        {
            error.WriteLine("No checkpoint key: give --public-key FILE (PEM), or set Audit:CheckpointKey (the environment variable Audit__CheckpointKey) to the private key's file.");
            return null;
        }

        var keys = new List<ECDsa>();
        foreach (var file in files)
        {
            var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(file));
                keys.Add(key);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
            {
                key.Dispose();
                error.WriteLine($"The checkpoint key {file} could not be read as a PEM EC key: {exception.Message}");
                foreach (var loaded in keys)
                {
                    loaded.Dispose();
                }

                return null;
            }
        }

        return keys;
    }
}
