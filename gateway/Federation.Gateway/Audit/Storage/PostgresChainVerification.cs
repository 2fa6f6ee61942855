using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Federation.Gateway.Audit.Verification;
using Federation.Storage;
using Npgsql;

namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// Verifies the trail as PostgreSQL holds it: every instance's records in (instance, sequence) order,
/// streamed row by row (a year of records is never in memory at once), each row's columns made again
/// from its body (<see cref="AuditRecordColumns.Of"/>) and compared with what the row holds
/// (<c>COLUMNS_MISMATCH</c>: a column an auditor searches by, changed behind the body's back), and the
/// chain and the signed checkpoints checked by <see cref="ChainVerifier"/> — each instance's chain from
/// where the retention last cut it (<c>retention_cuts</c>), or from 1. The reads run in one
/// repeatable-read transaction, so records and checkpoints are one consistent picture while the
/// gateways keep writing.
/// </summary>
internal sealed class PostgresChainVerification(NpgsqlDataSource dataSource, string schema)
{
    /// <summary>
    /// The entry of a record read from the database before the verifier reads its body: the verifier
    /// hashes and decodes the body itself, and compares the columns with what it decoded.
    /// </summary>
    private static readonly AuditEntry NotYetRead = new() { At = DateTimeOffset.UnixEpoch, Kind = AuditKind.Access };

    private readonly string records = PostgresMigrations.QuoteIdentifier(schema) + ".records";
    private readonly string checkpoints = PostgresMigrations.QuoteIdentifier(schema) + ".checkpoints";
    private readonly string retentionCuts = PostgresMigrations.QuoteIdentifier(schema) + ".retention_cuts";

    public async Task<ChainVerification> VerifyAsync(IEnumerable<ECDsa> publicKeys, TimeProvider? time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var stored = await CheckpointsAsync(connection, cancellationToken).ConfigureAwait(false);
        var cuts = await RetentionCutsAsync(connection, cancellationToken).ConfigureAwait(false);

        // The verifier asks about the record just handed to it, before the next is read.
        (ChainedRecord Record, AuditRecordColumns Columns)? current = null;
        var verifier = new ChainVerifier(
            publicKeys,
            time,
            (record, body) => current is { } row && ReferenceEquals(row.Record, record)
                ? AuditRecordColumns.Of(record with { Entry = body }).FirstDifference(row.Columns)
                : null,
            cuts);
        return await verifier.VerifyAsync(RecordsAsync(connection, row => current = row, cancellationToken), stored, cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<ChainedRecord> RecordsAsync(
        NpgsqlConnection connection,
        Action<(ChainedRecord, AuditRecordColumns)> reading,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {AuditRecordColumns.List} FROM {records} ORDER BY instance, sequence, at", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var columns = AuditRecordColumns.Read(reader);
            var record = new ChainedRecord(columns.Instance, columns.Sequence, NotYetRead, columns.Body, columns.PreviousHash, columns.Hash);
            reading((record, columns));
            yield return record;
        }
    }

    /// <summary>Each instance's latest retention cut (<c>retention_cuts</c>): the chain continues after it.</summary>
    private async Task<Dictionary<string, RetentionCut>> RetentionCutsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var cuts = new Dictionary<string, RetentionCut>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"SELECT DISTINCT ON (instance) instance, sequence, hash FROM {retentionCuts} ORDER BY instance, sequence DESC", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cuts[reader.GetString(0)] = new RetentionCut(reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        }

        return cuts;
    }

    private async Task<List<AuditCheckpoint>> CheckpointsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var list = new List<AuditCheckpoint>();
        await using var command = new NpgsqlCommand($"SELECT instance, sequence, hash, at, closing, key_id, signature FROM {checkpoints} ORDER BY instance, sequence, at", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new AuditCheckpoint(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetFieldValue<byte[]>(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetBoolean(4),
                reader.GetString(5),
                reader.GetFieldValue<byte[]>(6)));
        }

        return list;
    }
}
