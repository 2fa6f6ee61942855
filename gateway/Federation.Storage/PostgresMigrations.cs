using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Storage;

/// <summary>
/// Applies versioned SQL migrations to one PostgreSQL schema at start-up. Idempotent: applied
/// versions are recorded in <c>{schema}.schema_migrations</c> and skipped; each migration runs in its
/// own transaction; an advisory lock keeps two instances starting together from applying one twice;
/// a recorded migration whose text changed stops start-up rather than leaving the schema unknown.
/// </summary>
public static class PostgresMigrations
{
    public static async Task<IReadOnlyList<SqlMigration>> ApplyAsync(
        NpgsqlDataSource dataSource,
        string schema,
        IReadOnlyList<SqlMigration> migrations,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        ArgumentNullException.ThrowIfNull(migrations);
        var quoted = QuoteIdentifier(schema);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(hashtext(@schema))", cancellationToken, ("schema", schema)).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, $"""
                CREATE SCHEMA IF NOT EXISTS {quoted};
                CREATE TABLE IF NOT EXISTS {quoted}.schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken).ConfigureAwait(false);

            var applied = new Dictionary<int, (string Name, string Checksum)>();
            await using (var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {quoted}.schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
                }
            }

            var newlyApplied = new List<SqlMigration>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var recorded))
                {
                    if (recorded.Checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Version:D4}_{migration.Name} of schema '{schema}' was changed after it was applied " +
                            $"(recorded as {recorded.Name}). Add a new migration instead of editing an applied one.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO {quoted}, public", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO {quoted}.schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
                    cancellationToken,
                    ("version", migration.Version),
                    ("name", migration.Name),
                    ("checksum", migration.Checksum)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                newlyApplied.Add(migration);
                logger?.LogInformation("Applied migration {Version}_{Name} to schema {Schema}", migration.Version.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), migration.Name, schema);
            }

            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(hashtext(@schema))", CancellationToken.None, ("schema", schema)).ConfigureAwait(false);
        }
    }

    /// <summary>Quotes a PostgreSQL identifier (schema, table) so any name is safe in SQL text.</summary>
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
