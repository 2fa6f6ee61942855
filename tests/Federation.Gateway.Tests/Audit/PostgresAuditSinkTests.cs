using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Storage;
using Npgsql;

namespace Federation.Gateway.Tests.Audit;

/// <summary>The sink against the real PostgreSQL, writing as the writer role: what it stores is what it was given.</summary>
public sealed class PostgresAuditSinkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_reads_back_column_for_column_and_byte_for_byte_in_the_months_it_falls_in()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var thisMonth = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
        using var key = AuditDatabaseChain.NewKey();
        var chain = new AuditDatabaseChain("gw-1", key);
        chain.Append(AuditEntries.Full() with { At = thisMonth.AddMonths(-1).AddTicks(1_234_567) });
        chain.AppendAccesses(3, thisMonth.AddMinutes(1));
        chain.Checkpoint();
        chain.Append(AuditEntries.Full() with { Kind = AuditKind.ShareEvent, Event = "SHARE_APPLICATION_APPROVED", Fields = [], Subjects = [], Outcome = null, At = thisMonth.AddHours(2) });
        chain.Checkpoint(closing: true);

        await database.Sink().WriteAsync(chain.Records, chain.Checkpoints, Ct);

        var stored = await ReadRecordsAsync(database);
        Assert.Equal(chain.Records.Count, stored.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Null(AuditRecordColumns.Of(chain.Records[i]).FirstDifference(stored[i]));
            Assert.Equal(chain.Records[i].Body.ToArray(), stored[i].Body.ToArray());
        }

        var full = stored[0];
        Assert.Equal(new DateTimeOffset(thisMonth.AddMonths(-1).Ticks + 1_234_560, TimeSpan.Zero), full.At);
        Assert.Equal(("ACCESS", "PARTLY_DENIED"), (full.Kind, full.Outcome));
        Assert.Equal(["population.person.name", "population.person.income", "population.person.health", "licences.licence.holder"], full.Resources);
        Assert.Equal(["ALLOWED", "ALLOWED_WITHIN_DIVISION", "DENIED:NOT_SHARED", "DRY_RUN_DENIED:GRANT_REQUIRED"], full.Decisions);
        Assert.Equal([Guid.Parse("6f1c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f")], full.Grants);
        Assert.Equal(new byte[][] { [0x00, 0xff], [0xee, 0x01] }, full.Subjects);
        Assert.Equal(("SHARE_EVENT", "SHARE_APPLICATION_APPROVED", (string?)null), (stored[^1].Kind, stored[^1].Event, stored[^1].Outcome));
        Assert.Equal(
            new[] { thisMonth.AddMonths(-1), thisMonth }.Select(m => "records_" + m.ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture)),
            await database.PartitionsAsync("records"));

        var checkpoints = await ReadCheckpointsAsync(database);
        Assert.Equal(chain.Checkpoints.Count, checkpoints.Count);
        for (var i = 0; i < checkpoints.Count; i++)
        {
            var (expected, actual) = (chain.Checkpoints[i], checkpoints[i]);
            Assert.Equal((expected.Instance, expected.Sequence, expected.At, expected.Closing, expected.KeyId), (actual.Instance, actual.Sequence, actual.At, actual.Closing, actual.KeyId));
            Assert.Equal(expected.Hash.ToArray(), actual.Hash.ToArray());
            Assert.Equal(expected.Signature.ToArray(), actual.Signature.ToArray());
        }
    }

    [Fact]
    public async Task The_tail_is_the_last_record_and_the_newest_checkpoint_of_the_instance()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var sink = database.Sink();
        using var key = AuditDatabaseChain.NewKey();
        var one = new AuditDatabaseChain("gw-1", key).AppendAccesses(5, DateTimeOffset.UtcNow.AddHours(-1));
        var checkpoint = one.Checkpoint();
        var other = new AuditDatabaseChain("gw-2", key).AppendAccesses(2, DateTimeOffset.UtcNow.AddHours(-1));

        var empty = await sink.TailAsync("gw-1", Ct);
        await sink.WriteAsync([.. one.Records, .. other.Records], one.Checkpoints, Ct);

        Assert.Equal((0L, (DateTimeOffset?)null), (empty.Sequence, empty.LastCheckpointAt));
        Assert.Equal(AuditChain.Genesis, empty.Hash.ToArray());
        var tail = await sink.TailAsync("gw-1", Ct);
        Assert.Equal((5L, (DateTimeOffset?)checkpoint.At), (tail.Sequence, tail.LastCheckpointAt));
        Assert.Equal(one.Records[^1].Hash.ToArray(), tail.Hash.ToArray());
        Assert.Equal(2L, await sink.LastSequenceAsync("gw-2", Ct));
        Assert.Equal(0L, await sink.LastSequenceAsync("gw-3", Ct));
    }

    [Fact]
    public async Task A_batch_written_again_after_a_lost_commit_answer_is_stored_once()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var chain = new AuditDatabaseChain("gw-1", key).AppendAccesses(6, DateTimeOffset.UtcNow.AddHours(-1));
        chain.Checkpoint();
        var firstBatch = chain.Records[..4];

        await database.Sink().WriteAsync(firstBatch, chain.Checkpoints, Ct);
        await database.Sink().WriteAsync(firstBatch, chain.Checkpoints, Ct);
        await database.Sink().WriteAsync(chain.Records, chain.Checkpoints, Ct);

        Assert.Equal([1L, 2, 3, 4, 5, 6], (await ReadRecordsAsync(database)).Select(r => r.Sequence));
        Assert.Single(await ReadCheckpointsAsync(database));
    }

    [Fact]
    public async Task A_different_record_at_a_stored_sequence_stops_the_batch_and_writes_none_of_it()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var stored = new AuditDatabaseChain("gw-1", key).AppendAccesses(3, DateTimeOffset.UtcNow.AddHours(-1));
        await database.Sink().WriteAsync(stored.Records, [], Ct);
        // A spool that started over under the same instance name: other records at 1 to 5.
        var restarted = new AuditDatabaseChain("gw-1", key).AppendAccesses(5, DateTimeOffset.UtcNow.AddMinutes(-30));

        var conflict = await Assert.ThrowsAsync<AuditStoreConflictException>(() => database.Sink().WriteAsync(restarted.Records, [], Ct));

        Assert.Contains("record 1 of instance 'gw-1'", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(stored.Records.Select(r => r.Hash.ToArray()), (await ReadRecordsAsync(database)).Select(r => r.Hash.ToArray()));
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_nothing_of_it()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var chain = new AuditDatabaseChain("gw-1", key).AppendAccesses(4, DateTimeOffset.UtcNow.AddHours(-1));
        chain.Checkpoint();

        // The same record twice in one batch: the second row breaks the primary key, after the first three went in.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.Sink().WriteAsync([.. chain.Records, chain.Records[^1]], chain.Checkpoints, Ct));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Empty(await ReadRecordsAsync(database));
        Assert.Empty(await ReadCheckpointsAsync(database));
        await database.Sink().WriteAsync(chain.Records, chain.Checkpoints, Ct);
        Assert.Equal(4, (await ReadRecordsAsync(database)).Count);
    }

    [Fact]
    public async Task A_large_batch_streamed_on_several_connections_is_stored_whole_once_and_in_order()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var count = PostgresAuditSink.MinimumPart * PostgresAuditSink.Streams + 7;
        var chain = new AuditDatabaseChain("gw-1", key).AppendAccesses(count, DateTimeOffset.UtcNow.AddHours(-1));
        chain.Checkpoint();

        // As after a stop between two parts' commits: the first part is stored, the batch is shipped again.
        await database.Sink().WriteAsync(chain.Records[..PostgresAuditSink.MinimumPart], [], Ct);
        await database.Sink().WriteAsync(chain.Records, chain.Checkpoints, Ct);

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), (await ReadRecordsAsync(database)).Select(r => r.Sequence));
        Assert.Single(await ReadCheckpointsAsync(database));
        var tail = await database.Sink().TailAsync("gw-1", Ct);
        Assert.Equal(count, tail.Sequence);
    }

    [Fact]
    public async Task A_large_batch_whose_last_part_fails_stores_none_of_its_parts()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var count = PostgresAuditSink.MinimumPart * PostgresAuditSink.Streams;
        var chain = new AuditDatabaseChain("gw-1", key).AppendAccesses(count, DateTimeOffset.UtcNow.AddHours(-1));
        chain.Checkpoint();

        // The last record twice: the last part breaks the primary key while the others stream.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.Sink().WriteAsync([.. chain.Records, chain.Records[^1]], chain.Checkpoints, Ct));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Empty(await ReadRecordsAsync(database));
        Assert.Empty(await ReadCheckpointsAsync(database));
        Assert.Equal(0, (await database.Sink().TailAsync("gw-1", Ct)).Sequence);
    }

    [Fact]
    public async Task A_record_of_a_month_the_schema_refuses_is_not_stored()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var chain = new AuditDatabaseChain("gw-1", key).AppendAccesses(1, DateTimeOffset.UtcNow.AddYears(2));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.Sink().WriteAsync(chain.Records, [], Ct));

        Assert.Equal(AuditSqlStates.PartitionOutOfRange, refused.SqlState);
        Assert.Empty(await database.PartitionsAsync("records"));
    }

    internal static async Task<List<AuditRecordColumns>> ReadRecordsAsync(AuditDatabase database)
    {
        await using var command = database.Owner.CreateCommand($"SELECT {AuditRecordColumns.List} FROM \"{database.Schema}\".records ORDER BY instance, sequence");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<AuditRecordColumns>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(AuditRecordColumns.Read(reader));
        }

        return rows;
    }

    private static async Task<List<AuditCheckpoint>> ReadCheckpointsAsync(AuditDatabase database)
    {
        await using var command = database.Owner.CreateCommand($"SELECT instance, sequence, hash, at, closing, key_id, signature FROM \"{database.Schema}\".checkpoints ORDER BY instance, sequence, at");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<AuditCheckpoint>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new AuditCheckpoint(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4), reader.GetString(5), reader.GetFieldValue<byte[]>(6)));
        }

        return rows;
    }
}
