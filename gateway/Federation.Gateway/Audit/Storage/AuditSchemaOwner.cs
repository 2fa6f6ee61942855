using System.Text.RegularExpressions;
using Federation.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// What only the audit schema's owner role does: bring the schema to its latest migration
/// (<see cref="AuditMigrations"/>) and apply the retention — detach and drop the month partitions whose
/// whole range is older than the retention. The gateway does both at start when it connects as the
/// owner (<c>Audit:MigrateOnStart</c>); in production the owner runs <c>audit migrate</c> and
/// <c>audit retain</c> and the gateway connects as a role granted <see cref="WriterRole"/>.
/// </summary>
internal static partial class AuditSchemaOwner
{
    /// <summary>Six months, the Cybersecurity Law's (art. 21) for network logs; the schema refuses less as well.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>
    /// A schema name the writer role's name can be made of: lower case, digits and underscores, so that
    /// no quoting surprise separates the two, and short enough that <c>_writer</c> fits PostgreSQL's 63 bytes.
    /// </summary>
    public static bool IsValidSchema(string schema) => SchemaPattern().IsMatch(schema);

    /// <summary>The NOLOGIN group role migration 1 makes for <paramref name="schema"/>, which operators grant to the gateway's login role.</summary>
    public static string WriterRole(string schema) => schema + "_writer";

    public static Task<IReadOnlyList<SqlMigration>> MigrateAsync(NpgsqlDataSource dataSource, string schema, ILogger? logger, CancellationToken cancellationToken)
    {
        RequireValidSchema(schema);
        return PostgresMigrations.ApplyAsync(dataSource, schema, AuditMigrations.All, logger, cancellationToken);
    }

    /// <summary>
    /// Detaches and drops the partitions of records and checkpoints whose range ends at or before the
    /// database's <c>now()</c> less <paramref name="retentionDays"/>; returns their names. A partition is
    /// the only unit that leaves: the row trigger that refuses <c>DELETE</c> does not fire on a dropped
    /// partition, and no record younger than the retention is ever in one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RetainAsync(NpgsqlDataSource dataSource, string schema, int retentionDays, CancellationToken cancellationToken)
    {
        RequireValidSchema(schema);
        if (retentionDays < MinimumRetentionDays)
        {
            throw new ArgumentOutOfRangeException(nameof(retentionDays), retentionDays, $"The audit trail is kept at least {MinimumRetentionDays} days.");
        }

        await using var command = dataSource.CreateCommand($"SELECT {PostgresMigrations.QuoteIdentifier(schema)}.drop_partitions_before(@days)");
        command.Parameters.AddWithValue("days", retentionDays);
        var dropped = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            dropped.Add(reader.GetString(0));
        }

        return dropped;
    }

    private static void RequireValidSchema(string schema)
    {
        if (!IsValidSchema(schema))
        {
            throw new ArgumentException($"The audit schema '{schema}' must be 1 to 56 of a-z, 0-9 and _, starting with a letter or _.", nameof(schema));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,55}$")]
    private static partial Regex SchemaPattern();
}
