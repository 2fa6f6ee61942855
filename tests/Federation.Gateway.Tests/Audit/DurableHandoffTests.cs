using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Spool;

namespace Federation.Gateway.Tests.Audit;

public sealed class DurableHandoffTests
{
    [Fact]
    public void What_is_before_its_start_is_not_held_and_the_shipper_is_sent_to_the_file()
    {
        var handoff = new DurableHandoff(capacity: 10, start: 100);
        handoff.Add([Record(100, 1), Record(150, 2)], end: 200);
        var taken = new List<SpoolItem>();

        Assert.False(handoff.TryTake(40, records: 10, taken, out _));
        Assert.Empty(taken);
        Assert.True(handoff.TryTake(100, records: 10, taken, out var more));
        Assert.False(more);
        Assert.Equal([1L, 2], taken.Select(item => item.Record!.Sequence));
    }

    [Fact]
    public void A_take_begins_at_the_offset_asked_and_stops_before_the_record_after_the_limit_keeping_the_checkpoints_after_the_last()
    {
        var handoff = new DurableHandoff(capacity: 10, start: 0);
        handoff.Add([Record(10, 1), Record(60, 2), Checkpoint(110, 2), Record(160, 3), Record(210, 4)], end: 260);
        var taken = new List<SpoolItem>();

        Assert.True(handoff.TryTake(60, records: 1, taken, out var more));
        Assert.True(more);
        Assert.Equal([(60L, 2L, false), (110, 2, true)], taken.Select(item => (item.Offset, item.Record?.Sequence ?? item.Checkpoint!.Sequence, item.Checkpoint is not null)));

        // After a segment's end the next segment's items begin past its header: they are the next ones all the same.
        taken.Clear();
        handoff.Shipped(160);
        Assert.True(handoff.TryTake(160, records: 5, taken, out more));
        Assert.False(more);
        Assert.Equal([3L, 4], taken.Select(item => item.Record!.Sequence));
    }

    [Fact]
    public void A_batch_that_does_not_fit_is_dropped_with_everything_held_and_the_start_moves_past_it()
    {
        var handoff = new DurableHandoff(capacity: 3, start: 0);
        handoff.Add([Record(10, 1), Record(60, 2)], end: 110);
        handoff.Add([Record(110, 3), Record(160, 4)], end: 210);

        Assert.Equal(1, handoff.Overflows);
        Assert.Equal(210, handoff.Start);
        var taken = new List<SpoolItem>();
        Assert.False(handoff.TryTake(10, records: 10, taken, out _));

        handoff.Add([Record(210, 5)], end: 260);
        Assert.True(handoff.TryTake(210, records: 10, taken, out _));
        Assert.Equal(5, Assert.Single(taken).Record!.Sequence);
    }

    private static SpoolItem Record(long offset, long sequence) =>
        new(offset, offset + 50, new ChainedRecord("gw-test", sequence, AuditEntries.Access((int)sequence), "{}"u8.ToArray(), AuditChain.Genesis, AuditChain.Genesis), null);

    private static SpoolItem Checkpoint(long offset, long sequence) =>
        new(offset, offset + 50, null, new AuditCheckpoint("gw-test", sequence, AuditChain.Genesis, DateTimeOffset.UnixEpoch, false, "key", new byte[64]));
}
