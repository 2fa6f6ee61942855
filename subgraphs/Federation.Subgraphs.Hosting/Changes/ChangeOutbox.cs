using Federation.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>
/// The transactional outbox of a PostgreSQL store: a correction writes its change event in the same
/// transaction as the change, so an event exists exactly when the change committed, and the
/// <see cref="ChangeOutboxRelay"/> publishes it afterwards — at least once, even across a Redis outage
/// or a restart.
/// </summary>
public sealed class ChangeOutbox(NpgsqlDataSource dataSource, string schema)
{
    private readonly string table = PostgresMigrations.QuoteIdentifier(schema) + ".change_outbox";

    public string Schema { get; } = schema;

    /// <summary>Creates the outbox table when it is missing (idempotent; call after the store's migrations).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {PostgresMigrations.QuoteIdentifier(Schema)};
            CREATE TABLE IF NOT EXISTS {table} (
                seq bigserial PRIMARY KEY,
                subgraph text NOT NULL,
                type text NOT NULL,
                key text NOT NULL,
                fields text[] NOT NULL,
                reason text,
                occurred_at timestamptz NOT NULL,
                published_at timestamptz);
            CREATE INDEX IF NOT EXISTS change_outbox_unpublished ON {table} (seq) WHERE published_at IS NULL;
            """);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records <paramref name="change"/> in the caller's transaction.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ChangeEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {table} (subgraph, type, key, fields, reason, occurred_at) VALUES (@subgraph, @type, @key, @fields, @reason, @at); NOTIFY change_outbox",
            connection,
            transaction);
        command.Parameters.AddWithValue("subgraph", change.Subgraph);
        command.Parameters.AddWithValue("type", change.Type);
        command.Parameters.AddWithValue("key", change.Key);
        command.Parameters.Add(new NpgsqlParameter("fields", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = change.ChangedFields.ToArray() });
        command.Parameters.AddWithValue("reason", (object?)change.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("at", change.OccurredAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes the unpublished events, oldest first, up to <paramref name="batch"/>; marks each one
    /// published after its publish succeeded. Stops at the first failure so order is kept.
    /// Returns how many were published.
    /// </summary>
    public async Task<int> RelayAsync(IChangeEventPublisher publisher, int batch = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<(long Seq, ChangeEvent Change)>();
        await using (var select = new NpgsqlCommand(
            $"SELECT seq, subgraph, type, key, fields, reason, occurred_at FROM {table} WHERE published_at IS NULL ORDER BY seq LIMIT @batch FOR UPDATE SKIP LOCKED",
            connection,
            transaction))
        {
            select.Parameters.AddWithValue("batch", batch);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.Add((reader.GetInt64(0), new ChangeEvent(
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetFieldValue<string[]>(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetFieldValue<DateTimeOffset>(6))));
            }
        }

        var published = new List<long>();
        try
        {
            foreach (var (seq, change) in pending)
            {
                await publisher.PublishAsync(change, cancellationToken).ConfigureAwait(false);
                published.Add(seq);
            }
        }
        finally
        {
            if (published.Count > 0)
            {
                await using var mark = new NpgsqlCommand($"UPDATE {table} SET published_at = now() WHERE seq = ANY(@seqs)", connection, transaction);
                mark.Parameters.AddWithValue("seqs", published.ToArray());
                await mark.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return published.Count;
    }
}
