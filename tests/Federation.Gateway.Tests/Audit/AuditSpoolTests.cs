using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Shipping;
using Federation.Gateway.Audit.Spool;

namespace Federation.Gateway.Tests.Audit;

public sealed class AuditSpoolTests
{
    [Fact]
    public async Task Appends_are_numbered_from_one_chained_and_read_back_as_written()
    {
        using var harness = new SpoolHarness();
        var appended = new List<ChainedRecord>();
        await using (var spool = harness.Open())
        {
            for (var i = 1; i <= 5; i++)
            {
                appended.Add(await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken));
            }
        }

        Assert.Equal([1L, 2, 3, 4, 5], appended.Select(record => record.Sequence));
        Assert.Equal(AuditChain.Genesis, appended[0].PreviousHash.ToArray());
        Assert.Equal(appended[0].Hash.ToArray(), appended[1].PreviousHash.ToArray());
        var read = harness.Contents().Records;
        Assert.Equal(5, read.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(appended[i].Body.ToArray(), read[i].Body.ToArray());
            Assert.Equal(appended[i].Hash.ToArray(), read[i].Hash.ToArray());
            AuditEntries.AssertEqual(AuditEntries.Access(i + 1), read[i].Entry);
        }

        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task Concurrent_appends_share_fsyncs_and_each_completes_only_after_one()
    {
        using var harness = new SpoolHarness();
        await using var spool = harness.Open();
        var flushesBefore = harness.Storage.Flushes;

        var records = await Task.WhenAll(Enumerable.Range(1, 2000).Select(i => Task.Run(() => spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken).AsTask())));

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), records.Select(record => record.Sequence).Order());
        var flushes = harness.Storage.Flushes - flushesBefore;
        Assert.InRange(flushes, 1, 1999);
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task A_reopened_spool_continues_the_chain_where_it_ended()
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open())
        {
            await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
            await spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);
        }

        await using (var spool = harness.Open())
        {
            var third = await spool.AppendAsync(AuditEntries.Access(3), TestContext.Current.CancellationToken);
            Assert.Equal(3, third.Sequence);
        }

        var contents = harness.Contents();
        Assert.Equal([1L, 2, 3], contents.Records.Select(record => record.Sequence));
        // The unsigned tail the first run left is pinned by a checkpoint when the chain continues.
        Assert.Contains(contents.Checkpoints, checkpoint => checkpoint.Sequence == 2 && !checkpoint.Closing);
        Assert.True(harness.Verify().Whole);
    }

    [Theory]
    [InlineData(3)] // a frame header cut short
    [InlineData(20)] // a payload cut short
    [InlineData(-1)] // a whole frame whose bytes are wrong (CRC)
    public async Task A_torn_last_frame_is_cut_off_kept_aside_logged_and_the_chain_continues_from_the_last_whole_record(int tornBytes)
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open())
        {
            for (var i = 1; i <= 3; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }
        }

        var segment = harness.Segments().Single();
        var whole = DataEnd(await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken));
        await using (var spool = harness.Open())
        {
            await spool.AppendAsync(AuditEntries.Access(4), TestContext.Current.CancellationToken);
        }

        // The crash: record 4's frame never became whole (the opening checkpoint before it is kept).
        var bytes = await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken);
        var fourth = FrameStarts(bytes)[^1];
        if (tornBytes > 0)
        {
            await File.WriteAllBytesAsync(segment, bytes[..(int)(fourth + tornBytes)], TestContext.Current.CancellationToken);
        }
        else
        {
            bytes[DataEnd(bytes) - 5] ^= 0xFF;
            await File.WriteAllBytesAsync(segment, bytes, TestContext.Current.CancellationToken);
        }

        await using (var spool = harness.Open())
        {
            var next = await spool.AppendAsync(AuditEntries.Access(5), TestContext.Current.CancellationToken);
            Assert.Equal(4, next.Sequence);
        }

        Assert.True(whole < fourth);
        Assert.Single(Directory.GetFiles(harness.InstanceDirectory, "*.torn-*"));
        Assert.Equal(1, harness.Log.Count("AuditSpoolTornFrameCut"));
        var records = harness.Contents().Records;
        Assert.Equal([1L, 2, 3, 4], records.Select(record => record.Sequence));
        Assert.Equal("request-5", records[^1].Entry.RequestId);
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task A_failing_disk_fails_the_appends_of_its_batch_and_the_chain_continues_without_a_gap_once_it_writes_again()
    {
        using var harness = new SpoolHarness();
        await using var spool = harness.Open();
        await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);

        harness.Storage.Failing = true;
        var failed = await Assert.ThrowsAsync<AuditUnavailableException>(() => spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken).AsTask());
        await Assert.ThrowsAsync<AuditUnavailableException>(() => spool.AppendAsync(AuditEntries.Access(3), TestContext.Current.CancellationToken).AsTask());
        harness.Storage.Failing = false;
        var next = await spool.AppendAsync(AuditEntries.Access(4), TestContext.Current.CancellationToken);

        Assert.IsType<IOException>(failed.InnerException);
        Assert.Equal(2, next.Sequence);
        Assert.Equal(1, harness.Log.Count("AuditSpoolWriteFailed"));
        Assert.Equal(1, harness.Log.Count("AuditSpoolWritesAgain"));
        var records = harness.Contents().Records;
        Assert.Equal(["request-1", "request-4"], records.Select(record => record.Entry.RequestId));
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task A_failed_fsync_is_not_trusted_the_batch_is_written_again_in_place()
    {
        using var harness = new SpoolHarness();
        await using var spool = harness.Open();
        await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);

        harness.Storage.Failing = true;
        harness.Storage.FailFlushOnly = true;
        await Assert.ThrowsAsync<AuditUnavailableException>(() => spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken).AsTask());
        harness.Storage.Failing = false;
        var next = await spool.AppendAsync(AuditEntries.Access(3), TestContext.Current.CancellationToken);

        Assert.Equal(2, next.Sequence);
        Assert.Equal(["request-1", "request-3"], harness.Contents().Records.Select(record => record.Entry.RequestId));
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task A_checkpoint_follows_every_nth_record()
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 4)))
        {
            for (var i = 1; i <= 10; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }
        }

        var checkpoints = harness.Contents().Checkpoints;
        Assert.Equal([4L, 8], checkpoints.Select(checkpoint => checkpoint.Sequence));
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task A_checkpoint_comes_once_the_interval_passed_with_records_since_the_last_and_not_without()
    {
        using var harness = new SpoolHarness();
        await using var spool = harness.Open();
        await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        await spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);
        Assert.Empty(harness.Contents().Checkpoints);

        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await spool.AppendAsync(AuditEntries.Access(3), TestContext.Current.CancellationToken);
        var afterInterval = harness.Contents().Checkpoints;

        // The timer's request writes one only when records came since the last.
        var idle = await spool.CheckpointAsync(closing: false, TestContext.Current.CancellationToken);
        await spool.AppendAsync(AuditEntries.Access(4), TestContext.Current.CancellationToken);
        var timed = await spool.CheckpointAsync(closing: false, TestContext.Current.CancellationToken);

        var checkpoint = Assert.Single(afterInterval);
        Assert.Equal(3, checkpoint.Sequence);
        Assert.Equal(harness.Clock.Now, checkpoint.At);
        Assert.Null(idle);
        Assert.Equal(4, timed!.Sequence);
        Assert.True(timed.At > checkpoint.At);
    }

    [Fact]
    public async Task Closing_writes_a_closing_checkpoint_after_every_queued_record()
    {
        using var harness = new SpoolHarness();
        var spool = harness.Open();
        var appends = Enumerable.Range(1, 50).Select(i => spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken).AsTask()).ToList();
        await spool.CloseAsync(closing: true);
        await Task.WhenAll(appends);

        var last = harness.Contents().Checkpoints[^1];
        Assert.True(last.Closing);
        Assert.Equal(50, last.Sequence);
        await Assert.ThrowsAsync<AuditUnavailableException>(() => spool.AppendAsync(AuditEntries.Access(51), TestContext.Current.CancellationToken).AsTask());
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task Segments_roll_and_each_carries_the_chain_tail_so_the_spool_reads_across_them()
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 7, segmentBytes: 2048)))
        {
            for (var i = 1; i <= 40; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }
        }

        Assert.True(harness.Segments().Count > 3);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), harness.Contents().Records.Select(record => record.Sequence));
        Assert.True(harness.Verify().Whole);

        // The first segments gone (shipped and deleted), the last still says where the chain is.
        foreach (var segment in harness.Segments()[..^1])
        {
            File.Delete(segment);
        }

        await using (var spool = harness.Open(harness.Settings(segmentBytes: 2048)))
        {
            Assert.Equal(41, (await spool.AppendAsync(AuditEntries.Access(41), TestContext.Current.CancellationToken)).Sequence);
        }
    }

    [Fact]
    public async Task An_empty_spool_continues_the_sinks_chain_and_fails_closed_while_the_sink_does_not_answer()
    {
        using var harness = new SpoolHarness();
        var storedHash = AuditChain.Hash(AuditChain.Genesis, "stored"u8);
        var answer = false;
        await using var spool = harness.Open(sinkTail: _ => answer
            ? Task.FromResult(new AuditSinkTail(41, storedHash, new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero)))
            : Task.FromException<AuditSinkTail>(new TimeoutException("store down")));

        await Assert.ThrowsAsync<AuditUnavailableException>(() => spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken).AsTask());
        answer = true;
        var record = await spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);

        Assert.Equal(42, record.Sequence);
        Assert.Equal(storedHash, record.PreviousHash.ToArray());
        Assert.Equal(1, harness.Log.Count("AuditChainTailUnknown"));
    }

    [Fact]
    public async Task A_spool_in_use_by_another_writer_or_of_another_instance_is_refused()
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open())
        {
            await spool.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
            var inUse = Assert.Throws<AuditConfigurationException>(() => harness.Open());
            Assert.Contains("in use", inUse.Message, StringComparison.Ordinal);
        }

        Directory.Move(harness.InstanceDirectory, Path.Combine(harness.Root, "other"));
        var other = Assert.Throws<AuditConfigurationException>(() => harness.Open(harness.Settings() with { Instance = "other" }));
        Assert.Contains("holds the chain of instance gw-test", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_with_no_canonical_form_fails_alone_and_takes_no_sequence_number()
    {
        using var harness = new SpoolHarness();
        await using var spool = harness.Open();

        await Assert.ThrowsAsync<AuditUnavailableException>(() => spool.AppendAsync(AuditEntries.Access(1) with { Outcome = (AuditOutcome)42 }, TestContext.Current.CancellationToken).AsTask());
        var next = await spool.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);

        Assert.Equal(1, next.Sequence);
    }

    [Fact]
    public async Task Segments_are_prepared_with_zeros_ahead_of_the_writes_and_batches_made_durable_with_a_data_sync()
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open(harness.Settings(segmentBytes: 1024 * 1024, preallocateBytes: 16 * 1024)))
        {
            for (var i = 1; i <= 40; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }

            // Every batch by fdatasync; a full fsync only to make the segment, and for each stretch of zeros with its new length.
            Assert.Equal(spool.Batches, harness.Storage.DataFlushes);
            var bytes = await File.ReadAllBytesAsync(harness.Segments().Single(), TestContext.Current.CancellationToken);
            var end = DataEnd(bytes);
            Assert.InRange(harness.Storage.Flushes - harness.Storage.DataFlushes, 2, 2 + (end / (16 * 1024)) + 1);
            Assert.True(bytes.Length > end);
            Assert.Equal(0, bytes.Length % 4096);
            Assert.Equal(-1, bytes.AsSpan(end).IndexOfAnyExcept((byte)0));
        }

        // Reopened: the zeros are room, not a torn write.
        await using (var spool = harness.Open(harness.Settings(segmentBytes: 1024 * 1024, preallocateBytes: 16 * 1024)))
        {
            var next = await spool.AppendAsync(AuditEntries.Access(41), TestContext.Current.CancellationToken);
            Assert.Equal(41, next.Sequence);
        }

        Assert.Equal(0, harness.Log.Count("AuditSpoolTornFrameCut"));
        Assert.Empty(Directory.GetFiles(harness.InstanceDirectory, "*.torn-*"));
        Assert.Equal(Enumerable.Range(1, 41).Select(i => (long)i), harness.Contents().Records.Select(record => record.Sequence));
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public async Task A_segment_closed_by_a_roll_is_cut_to_its_last_frame_and_only_the_last_ends_in_zeros()
    {
        using var harness = new SpoolHarness();
        await using var spool = harness.Open(harness.Settings(segmentBytes: 2048, preallocateBytes: 4096));
        for (var i = 1; i <= 40; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        var segments = harness.Segments();
        Assert.True(segments.Count > 2);
        foreach (var segment in segments[..^1])
        {
            var bytes = await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken);
            Assert.Equal(bytes.Length, DataEnd(bytes));
        }

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), harness.Contents().Records.Select(record => record.Sequence));
        Assert.True(harness.Verify().Whole);
    }

    [Theory]
    [InlineData(0)] // the frame's header reached the disk, its payload only in part
    [InlineData(100)] // a later page of the write reached the disk, its header did not
    public async Task A_torn_write_inside_the_prepared_zeros_is_cut_off_kept_aside_and_the_chain_continues(int gap)
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open())
        {
            for (var i = 1; i <= 3; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }
        }

        var segment = harness.Segments().Single();
        var bytes = await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken);
        var end = DataEnd(bytes);
        var starts = FrameStarts(bytes);
        // The crash: part of a frame like the last one lands in the zeros after it, never acknowledged.
        var last = bytes.AsSpan((int)starts[^1], end - (int)starts[^1]);
        last[..40].CopyTo(bytes.AsSpan(end + gap));
        bytes[end + gap + 39] = 0xAB;
        await File.WriteAllBytesAsync(segment, bytes, TestContext.Current.CancellationToken);

        await using (var spool = harness.Open())
        {
            var next = await spool.AppendAsync(AuditEntries.Access(4), TestContext.Current.CancellationToken);
            Assert.Equal(4, next.Sequence);
        }

        var aside = Assert.Single(Directory.GetFiles(harness.InstanceDirectory, "*.torn-*"));
        Assert.Equal(gap + 40, new FileInfo(aside).Length);
        Assert.Equal(1, harness.Log.Count("AuditSpoolTornFrameCut"));
        Assert.Equal([1L, 2, 3, 4], harness.Contents().Records.Select(record => record.Sequence));
        Assert.True(harness.Verify().Whole);
    }

    [Fact]
    public void Crc32c_is_the_castagnoli_checksum()
    {
        Assert.Equal(0xE3069283u, SpoolFrames.Crc32C("123456789"u8));
        Assert.Equal(0u, SpoolFrames.Crc32C([]));
    }

    /// <summary>Where each frame of a segment begins, up to the zeros prepared after its last.</summary>
    private static List<long> FrameStarts(byte[] segment)
    {
        var starts = new List<long>();
        var position = 0;
        while (position < segment.Length && BitConverter.ToUInt32(segment, position) != 0)
        {
            starts.Add(position);
            position += SpoolFrames.Measure(segment.AsSpan(position));
        }

        return starts;
    }

    /// <summary>Where a segment's last whole frame ends: the zeros after it are room prepared for the next writes.</summary>
    private static int DataEnd(byte[] segment)
    {
        var position = 0;
        while (position < segment.Length && SpoolFrames.Measure(segment.AsSpan(position)) is > 0 and var length)
        {
            position += length;
        }

        return position;
    }
}
