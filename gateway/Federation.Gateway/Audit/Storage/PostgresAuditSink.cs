using System.Collections.Concurrent;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Shipping;
using Federation.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// Writes the trail's batches to PostgreSQL, records and checkpoints with binary <c>COPY</c>: a batch of
/// fewer than twice <see cref="MinimumPart"/> records in one transaction, a larger one cut in
/// <see cref="Streams"/> runs streamed at once on as many connections and committed in order (what is
/// stored is always a prefix of the chain), after the month partitions they fall in are made if missing
/// (<c>ensure_month_partitions</c>, callable by the writer role; the months already made are
/// remembered). A batch retried after its commit went through but its answer was lost is not written
/// twice: what the database already holds of an instance's chain is skipped, after checking that it is
/// the same records (same hashes) — a second writer on one chain, or a spool that started over, stops
/// the shipping with an error rather than losing records silently.
/// <para>
/// Throughput (docs/benchmarks.md, <c>-- audit-writer</c>): the rows are written synchronously into the
/// importer's buffer (<see cref="AuditRecordColumns.Write"/>), and <see cref="ConnectionString"/> gives the
/// connection a 64 KiB write buffer, so a batch goes out in few large writes.
/// </para>
/// </summary>
internal sealed class PostgresAuditSink(NpgsqlDataSource dataSource, string schema) : IAuditSink
{
    private const string CheckpointColumns = "instance, sequence, hash, at, closing, key_id, signature";

    /// <summary>How many connections a batch is streamed on at most.</summary>
    internal const int Streams = 2;

    /// <summary>The fewest records a part of a batch has (<see cref="Parts"/>).</summary>
    internal const int MinimumPart = 500;

    private readonly string records = PostgresMigrations.QuoteIdentifier(schema) + ".records";
    private readonly string checkpoints = PostgresMigrations.QuoteIdentifier(schema) + ".checkpoints";
    private readonly string ensurePartitions = PostgresMigrations.QuoteIdentifier(schema) + ".ensure_month_partitions";
    private readonly ConcurrentDictionary<(int Year, int Month), bool> monthsMade = new();

    /// <summary><paramref name="connectionString"/> with a write buffer of at least 64 KiB for the COPY stream.</summary>
    public static string ConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.WriteBufferSize = Math.Max(builder.WriteBufferSize, 64 * 1024);
        return builder.ConnectionString;
    }

    public async Task<long> LastSequenceAsync(string instance, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT max(sequence) FROM {records} WHERE instance = @instance");
        command.Parameters.AddWithValue("instance", instance);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long last ? last : 0;
    }

    public async Task<AuditSinkTail> TailAsync(string instance, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT last.sequence, last.hash,
                   (SELECT at FROM {checkpoints} WHERE instance = @instance ORDER BY sequence DESC, at DESC LIMIT 1)
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT sequence, hash FROM {records} WHERE instance = @instance ORDER BY sequence DESC LIMIT 1) last ON true
            """);
        command.Parameters.AddWithValue("instance", instance);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new AuditSinkTail(
            reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
            reader.IsDBNull(1) ? AuditChain.Genesis : reader.GetFieldValue<byte[]>(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    public async Task WriteAsync(IReadOnlyList<ChainedRecord> batch, IReadOnlyList<AuditCheckpoint> batchCheckpoints, CancellationToken cancellationToken)
    {
        if (batch.Count == 0 && batchCheckpoints.Count == 0)
        {
            return;
        }

        var parts = Parts(batch);
        var connections = new List<NpgsqlConnection>(parts.Count);
        var transactions = new List<NpgsqlTransaction>(parts.Count);
        try
        {
            // Each part streams on a connection of its own, at once: the server's work of a batch — the
            // rows and five indexes — is spread over its cores. The commits go in the parts' order, each
            // after the one before it went through, so what is stored of the chain is always a prefix of
            // the batch: a stop or a failure between two commits leaves the chain's stored tail whole, and
            // the retry skips what was stored (NotYetStoredAsync). The checkpoints go with the last part.
            // Every connection and transaction is open before any part starts, so none is disposed under a part still streaming.
            foreach (var _ in parts)
            {
                connections.Add(await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
            }

            await EnsureMonthsAsync(connections[0], batch, batchCheckpoints, cancellationToken).ConfigureAwait(false);
            foreach (var connection in connections)
            {
                transactions.Add(await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
            }

            await Task.WhenAll(parts.Select((part, i) =>
                WritePartAsync(connections[i], part, i == parts.Count - 1 ? batchCheckpoints : [], cancellationToken))).ConfigureAwait(false);
            foreach (var transaction in transactions)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // A month dropped by the retention since it was made (a spool replaying very old records) is
            // made again on the retry rather than failing every retry.
            monthsMade.Clear();
            throw;
        }
        finally
        {
            // Disposing a transaction not committed rolls it back: of the parts after a failed commit, nothing is stored.
            foreach (var transaction in transactions)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The batch cut into up to <see cref="Streams"/> runs of consecutive records, none shorter than
    /// <see cref="MinimumPart"/>: a small batch goes whole, since a connection and a transaction more would cost it more than they spare.
    /// </summary>
    private static List<IReadOnlyList<ChainedRecord>> Parts(IReadOnlyList<ChainedRecord> batch)
    {
        var count = Math.Clamp(batch.Count / MinimumPart, 1, Streams);
        if (count == 1)
        {
            return [batch];
        }

        var records = batch as ChainedRecord[] ?? [.. batch];
        var size = (records.Length + count - 1) / count;
        var parts = new List<IReadOnlyList<ChainedRecord>>(count);
        for (var start = 0; start < records.Length; start += size)
        {
            parts.Add(new ArraySegment<ChainedRecord>(records, start, Math.Min(size, records.Length - start)));
        }

        return parts;
    }

    private async Task WritePartAsync(NpgsqlConnection connection, IReadOnlyList<ChainedRecord> part, IReadOnlyList<AuditCheckpoint> partCheckpoints, CancellationToken cancellationToken)
    {
        var newRecords = await NotYetStoredAsync(connection, part, cancellationToken).ConfigureAwait(false);
        var newCheckpoints = await CheckpointsNotYetStoredAsync(connection, partCheckpoints, cancellationToken).ConfigureAwait(false);
        if (newRecords.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {records} ({AuditRecordColumns.List}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var record in newRecords)
            {
                AuditRecordColumns.Of(record).Write(copy);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (newCheckpoints.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {checkpoints} ({CheckpointColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var checkpoint in newCheckpoints)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.Instance, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.Hash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.Closing, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.KeyId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(checkpoint.Signature, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureMonthsAsync(NpgsqlConnection connection, IReadOnlyList<ChainedRecord> batch, IReadOnlyList<AuditCheckpoint> batchCheckpoints, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<(int, int), DateTimeOffset>();
        foreach (var record in batch)
        {
            Note(record.Entry.At);
        }

        foreach (var checkpoint in batchCheckpoints)
        {
            Note(checkpoint.At);
        }

        foreach (var (month, at) in missing)
        {
            await using var command = new NpgsqlCommand($"SELECT {ensurePartitions}(@at)", connection);
            command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, at.ToUniversalTime());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            monthsMade.TryAdd(month, true);
        }

        void Note(DateTimeOffset at)
        {
            var utc = at.UtcDateTime;
            var month = (utc.Year, utc.Month);
            if (!monthsMade.ContainsKey(month))
            {
                missing.TryAdd(month, at);
            }
        }
    }

    /// <summary>The batch's records that are not stored yet: those after each instance's stored tail, once the overlap is checked to be the same chain.</summary>
    private async Task<IReadOnlyList<ChainedRecord>> NotYetStoredAsync(NpgsqlConnection connection, IReadOnlyList<ChainedRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return batch;
        }

        var ranges = new Dictionary<string, (long First, long Last)>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            ranges[record.Instance] = ranges.TryGetValue(record.Instance, out var range)
                ? (Math.Min(range.First, record.Sequence), Math.Max(range.Last, record.Sequence))
                : (record.Sequence, record.Sequence);
        }

        // The stored records of the batch's sequence range, per instance: none, unless this batch was written before.
        // One bounded range per instance, so each month's primary key is scanned over the batch's range only — a
        // join against an unnest of the instances was planned as a sequential scan of the whole table, a cost
        // that grew with the trail on every batch.
        var stored = new Dictionary<(string Instance, long Sequence), byte[]>();
        foreach (var (instance, (firstSequence, lastSequence)) in ranges)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT sequence, hash FROM {records} WHERE instance = @instance AND sequence BETWEEN @first AND @last",
                connection);
            command.Parameters.AddWithValue("instance", NpgsqlDbType.Text, instance);
            command.Parameters.AddWithValue("first", NpgsqlDbType.Bigint, firstSequence);
            command.Parameters.AddWithValue("last", NpgsqlDbType.Bigint, lastSequence);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored[(instance, reader.GetInt64(0))] = reader.GetFieldValue<byte[]>(1);
            }
        }

        if (stored.Count == 0)
        {
            return batch;
        }

        var remaining = new List<ChainedRecord>(batch.Count);
        foreach (var record in batch)
        {
            if (!stored.TryGetValue((record.Instance, record.Sequence), out var hash))
            {
                remaining.Add(record);
            }
            else if (!record.Hash.Span.SequenceEqual(hash))
            {
                throw new AuditStoreConflictException(
                    $"The audit store holds a different record {record.Sequence} of instance '{record.Instance}' than the spool: " +
                    "two gateways write one chain (Audit:Instance must differ per gateway), or this instance's spool started over. Nothing of the batch was written.");
            }
        }

        return remaining;
    }

    private async Task<IReadOnlyList<AuditCheckpoint>> CheckpointsNotYetStoredAsync(NpgsqlConnection connection, IReadOnlyList<AuditCheckpoint> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return batch;
        }

        var stored = new HashSet<(string, long, DateTimeOffset)>();
        await using (var command = new NpgsqlCommand(
            $"SELECT instance, sequence, at FROM {checkpoints} WHERE (instance, sequence, at) IN (SELECT * FROM unnest(@instances, @sequences, @ats))",
            connection))
        {
            command.Parameters.AddWithValue("instances", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(c => c.Instance).ToArray());
            command.Parameters.AddWithValue("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint, batch.Select(c => c.Sequence).ToArray());
            command.Parameters.AddWithValue("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, batch.Select(c => c.At.ToUniversalTime()).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored.Add((reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        return stored.Count == 0 ? batch : [.. batch.Where(c => !stored.Contains((c.Instance, c.Sequence, AuditCanonicalForm.Microseconds(c.At))))];
    }

}

/// <summary>The audit store holds a record of a chain that differs from the one being shipped: shipping must stop for an operator.</summary>
internal sealed class AuditStoreConflictException(string message) : Exception(message);
