using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Shipping;
using Federation.Gateway.Audit.Spool;

namespace Federation.Gateway.Tests.Audit;

public sealed class AuditShipperTests
{
    [Fact]
    public async Task The_spool_ships_in_order_in_batches_and_wholly_shipped_segments_go()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 10, keepShipped: false, segmentBytes: 4096));
        var shipper = Start(harness, spool, sink, batchSize: 7);

        for (var i = 1; i <= 60; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        await Eventually(() => sink.Records.Count == 60 && shipper.Shipped == spool.DurableEnd);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.All(sink.Batches, batch => Assert.InRange(batch, 1, 7));
        Assert.Equal([10L, 20, 30, 40, 50, 60], sink.Checkpoints.Select(checkpoint => checkpoint.Sequence));
        Assert.True(harness.Verifier().Verify(sink.Records, sink.Checkpoints).Whole);
        Assert.Single(harness.Segments());
        Assert.Equal(spool.DurableEnd.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(harness.InstanceDirectory, "shipped")).Trim());
    }

    [Fact]
    public async Task During_an_outage_records_wait_in_the_spool_and_are_replayed_in_order_without_loss_or_duplicate()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 5, keepShipped: false));
        var shipper = Start(harness, spool, sink, batchSize: 4);
        for (var i = 1; i <= 6; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        await Eventually(() => sink.Records.Count == 6);
        sink.Down = true;
        for (var i = 7; i <= 40; i++)
        {
            // Appends do not wait for the store: they are durable in the spool.
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        await Eventually(() => sink.FailedWrites + sink.FailedTails >= 3);
        Assert.Equal(6, sink.Records.Count);
        sink.Down = false;
        await Eventually(() => sink.Records.Count == 40 && shipper.Shipped == spool.DurableEnd);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.Equal(0, sink.Duplicates);
        Assert.Equal(1, harness.Log.Count("AuditStoreUnavailable"));
        Assert.Equal(1, harness.Log.Count("AuditStoreBack"));
        Assert.True(harness.Verifier().Verify(sink.Records, sink.Checkpoints).Whole);
    }

    [Fact]
    public async Task A_batch_the_sink_committed_before_the_failure_is_not_stored_twice()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink { FailAfterCommit = 2 };
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 3, keepShipped: false));
        for (var i = 1; i <= 20; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        var shipper = Start(harness, spool, sink, batchSize: 4);
        await Eventually(() => sink.Records.Count == 20 && shipper.Shipped == spool.DurableEnd);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, sink.FailAfterCommit);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.Equal([3L, 6, 9, 12, 15, 18], sink.Checkpoints.Select(checkpoint => checkpoint.Sequence));
        Assert.Equal(0, sink.Duplicates);
    }

    [Fact]
    public async Task After_a_crash_that_lost_the_shipped_offset_the_stored_records_are_skipped()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 4)))
        {
            var shipper = Start(harness, spool, sink, batchSize: 100);
            for (var i = 1; i <= 10; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }

            await Eventually(() => sink.Records.Count == 10 && shipper.Shipped == spool.DurableEnd);
            await shipper.StoppedAsync(TestContext.Current.CancellationToken);
        }

        // The crash came between the store's commit and the offset's fsync: the spool says nothing was shipped.
        File.Delete(Path.Combine(harness.InstanceDirectory, "shipped"));
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 4)))
        {
            Assert.Equal(0, spool.ShippedOffset);
            var shipper = Start(harness, spool, sink, batchSize: 100);
            await spool.AppendAsync(AuditEntries.Access(11), TestContext.Current.CancellationToken);
            await Eventually(() => sink.Records.Count == 11 && shipper.Shipped == spool.DurableEnd);
            await shipper.StoppedAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.Equal(0, sink.Duplicates);
        Assert.True(harness.Verifier().Verify(sink.Records, sink.Checkpoints).Whole);
    }

    [Fact]
    public async Task A_sink_holding_another_chain_under_the_instance_s_name_gets_nothing()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        sink.Records.Add(new ChainedRecord("gw-test", 1, AuditEntries.Access(99), "x"u8.ToArray(), AuditChain.Genesis, AuditChain.Hash(AuditChain.Genesis, "x"u8)));
        await using var spool = harness.Open(harness.Settings(keepShipped: false));
        await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
        await spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);

        var shipper = Start(harness, spool, sink, batchSize: 100);
        await Eventually(() => harness.Log.Count("AuditStoreUnavailable") == 1);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Single(sink.Records);
        Assert.Equal(0, shipper.Shipped);
        Assert.Contains(harness.Log.Entries, entry => entry.Event.Name == "AuditStoreUnavailable");
    }

    [Fact]
    public async Task After_a_batch_that_was_not_full_the_shipper_gathers_records_for_its_interval_and_ships_them_as_one()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 1000, keepShipped: false));
        var shipper = Start(harness, spool, sink, batchSize: 100, interval: TimeSpan.FromSeconds(1));

        await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
        await Eventually(() => sink.Records.Count == 1);
        for (var i = 2; i <= 6; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        // Not before the interval is over: the five are durable in the spool meanwhile.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Single(sink.Records);
        await Eventually(() => sink.Records.Count == 6);
        Assert.Equal([1, 5], sink.Batches);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Full_batches_go_at_once_and_a_stop_ships_what_is_left_without_waiting_for_the_interval()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 1000, keepShipped: false));
        for (var i = 1; i <= 10; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        // An interval far longer than the drain's limit (2 s): were the drain to wait for it, records would be left.
        var shipper = Start(harness, spool, sink, batchSize: 4, interval: TimeSpan.FromMinutes(1));
        await Eventually(() => sink.Records.Count == 10);
        Assert.Equal([4, 4, 2], sink.Batches);

        await spool.AppendAsync(AuditEntries.Access(11), TestContext.Current.CancellationToken);
        await spool.AppendAsync(AuditEntries.Access(12), TestContext.Current.CancellationToken);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.Equal(spool.DurableEnd, shipper.Shipped);
    }

    [Fact]
    public async Task Records_just_made_durable_are_handed_over_in_memory_as_the_spool_file_holds_them()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 10, segmentBytes: 4096));
        var shipper = Start(harness, spool, sink, batchSize: 7);

        // Some appends at once, so that batches hold several records; segments roll every few batches.
        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(Enumerable.Range((round * 6) + 1, 6).Select(i => spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken).AsTask()));
        }

        await Eventually(() => sink.Records.Count == 60 && shipper.Shipped == spool.DurableEnd);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, shipper.BatchesReadBack);
        Assert.True(harness.Segments().Count > 1);
        var file = harness.Contents();
        Assert.Equal(file.Records.Select(record => record.Sequence), sink.Records.Select(record => record.Sequence));
        for (var i = 0; i < file.Records.Count; i++)
        {
            var (stored, read) = (sink.Records[i], file.Records[i]);
            Assert.Equal(read.Body.ToArray(), stored.Body.ToArray());
            Assert.Equal(read.PreviousHash.ToArray(), stored.PreviousHash.ToArray());
            Assert.Equal(read.Hash.ToArray(), stored.Hash.ToArray());
            // The entry the sink makes its columns of writes the very body the file holds.
            Assert.Equal(read.Body.ToArray(), AuditCanonicalForm.Write(stored.Instance, stored.Sequence, stored.Entry));
        }

        Assert.Equal(file.Checkpoints.Select(checkpoint => (checkpoint.Sequence, checkpoint.At)), sink.Checkpoints.Select(checkpoint => (checkpoint.Sequence, checkpoint.At)));
        Assert.True(harness.Verifier().Verify(sink.Records, sink.Checkpoints).Whole);
    }

    [Fact]
    public async Task A_record_whose_strings_the_body_could_not_hold_is_handed_over_as_the_file_reads_it_back()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings());
        var shipper = Start(harness, spool, sink, batchSize: 10);

        await spool.AppendAsync(AuditEntries.Access(1) with { User = "user-\ud800-alone", Matter = "matter-\udc00" }, TestContext.Current.CancellationToken);
        await Eventually(() => sink.Records.Count == 1 && shipper.Shipped == spool.DurableEnd);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, shipper.BatchesReadBack);
        var read = Assert.Single(harness.Contents().Records);
        Assert.Equal("user-\ufffd-alone", sink.Records[0].Entry.User);
        Assert.Equal(read.Entry.User, sink.Records[0].Entry.User);
        Assert.Equal(read.Entry.Matter, sink.Records[0].Entry.Matter);
    }

    [Fact]
    public async Task When_the_handoff_overflows_during_an_outage_the_rest_is_read_back_from_the_spool_in_order_without_loss_or_duplicate()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using var spool = harness.Open(harness.Settings(checkpointEvery: 5, keepShipped: false, segmentBytes: 8192, handoffCapacity: 8));
        var shipper = Start(harness, spool, sink, batchSize: 4);
        for (var i = 1; i <= 3; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        await Eventually(() => sink.Records.Count == 3 && shipper.Shipped == spool.DurableEnd);
        Assert.Equal(0, shipper.BatchesReadBack);
        sink.Down = true;
        for (var i = 4; i <= 50; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        Assert.True(spool.Handoff.Overflows > 0);
        Assert.True(spool.Handoff.Start > shipper.Shipped);
        sink.Down = false;
        await Eventually(() => sink.Records.Count == 50 && shipper.Shipped == spool.DurableEnd);
        var readBack = shipper.BatchesReadBack;
        Assert.True(readBack > 0);

        // Caught up: what comes now is handed over in memory again. Five records and their checkpoint fit the
        // handoff (8 items) however late the shipper takes them; more could overflow it again, read back by design.
        for (var i = 51; i <= 55; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        await Eventually(() => sink.Records.Count == 55 && shipper.Shipped == spool.DurableEnd);
        await shipper.StoppedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(readBack, shipper.BatchesReadBack);
        Assert.Equal(Enumerable.Range(1, 55).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => i * 5L), sink.Checkpoints.Select(checkpoint => checkpoint.Sequence));
        Assert.Equal(0, sink.Duplicates);
        Assert.True(harness.Verifier().Verify(sink.Records, sink.Checkpoints).Whole);
    }

    [Fact]
    public async Task After_a_restart_what_the_last_run_left_unshipped_is_read_back_then_new_records_come_in_memory()
    {
        using var harness = new SpoolHarness();
        var sink = new FakeSink();
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 4, keepShipped: false)))
        {
            for (var i = 1; i <= 9; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }
        }

        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 4, keepShipped: false)))
        {
            var shipper = Start(harness, spool, sink, batchSize: 100);
            // The recovered tail gets its checkpoint first: it is past the handoff's start, so it comes in memory.
            await Eventually(() => sink.Records.Count == 9 && shipper.Shipped == spool.DurableEnd);
            var readBack = shipper.BatchesReadBack;
            Assert.True(readBack > 0);
            for (var i = 10; i <= 14; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
                await Eventually(() => sink.Records.Count == i && shipper.Shipped == spool.DurableEnd);
            }

            await shipper.StoppedAsync(TestContext.Current.CancellationToken);
            Assert.Equal(readBack, shipper.BatchesReadBack);
        }

        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), sink.Records.Select(record => record.Sequence));
        Assert.Equal(0, sink.Duplicates);
        Assert.True(harness.Verifier().Verify(sink.Records, sink.Checkpoints).Whole);
    }

    private static AuditShipper Start(SpoolHarness harness, AuditSpool spool, FakeSink sink, int batchSize, TimeSpan interval = default)
    {
        var shipper = new AuditShipper(spool, sink, batchSize, TimeProvider.System, harness.Log, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(2), interval);
        shipper.StartAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return shipper;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in 20 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A store in memory with PostgreSQL's behaviour where it matters: a batch is stored whole or not at all,
    /// and a record stored twice is counted (a primary key would refuse it).
    /// </summary>
    private sealed class FakeSink : IAuditSink
    {
        private readonly Lock gate = new();

        public List<ChainedRecord> Records { get; } = [];

        public List<AuditCheckpoint> Checkpoints { get; } = [];

        public List<int> Batches { get; } = [];

        public volatile bool Down;

        public int FailAfterCommit;

        public int Duplicates;

        public int FailedWrites;

        public int FailedTails;

        public Task<long> LastSequenceAsync(string instance, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return Task.FromResult(Records.Where(record => record.Instance == instance).Select(record => record.Sequence).DefaultIfEmpty(0).Max());
            }
        }

        public Task<AuditSinkTail> TailAsync(string instance, CancellationToken cancellationToken)
        {
            if (Down)
            {
                Interlocked.Increment(ref FailedTails);
                return Task.FromException<AuditSinkTail>(new TimeoutException("the store is down"));
            }

            lock (gate)
            {
                var last = Records.LastOrDefault(record => record.Instance == instance);
                var checkpoint = Checkpoints.LastOrDefault(checkpoint => checkpoint.Instance == instance);
                return Task.FromResult(new AuditSinkTail(last?.Sequence ?? 0, last?.Hash ?? AuditChain.Genesis, checkpoint?.At));
            }
        }

        public Task WriteAsync(IReadOnlyList<ChainedRecord> records, IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken)
        {
            if (Down)
            {
                Interlocked.Increment(ref FailedWrites);
                return Task.FromException(new TimeoutException("the store is down"));
            }

            lock (gate)
            {
                foreach (var record in records)
                {
                    if (Records.Any(stored => stored.Instance == record.Instance && stored.Sequence == record.Sequence))
                    {
                        Duplicates++;
                    }
                }

                foreach (var checkpoint in checkpoints)
                {
                    if (Checkpoints.Any(stored => stored.Instance == checkpoint.Instance && stored.Sequence == checkpoint.Sequence && stored.At == checkpoint.At))
                    {
                        Duplicates++;
                    }
                }

                Records.AddRange(records);
                Checkpoints.AddRange(checkpoints);
                Batches.Add(records.Count);
                if (FailAfterCommit > 0)
                {
                    // Committed, and then the connection dropped before the answer came.
                    FailAfterCommit--;
                    return Task.FromException(new IOException("the connection was reset after the commit"));
                }
            }

            return Task.CompletedTask;
        }
    }
}
