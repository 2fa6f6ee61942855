namespace Federation.Gateway.Audit.Spool;

/// <summary>
/// The records and checkpoints the spool's writer has just made durable, kept in memory (bounded) for
/// the shipper, so that it does not read back and parse what was written a moment before. The spool file
/// stays the source of truth: the handoff covers every frame from <see cref="Start"/> on, and a shipper
/// whose offset is before that — after a restart (the spool's recovered tail is not in memory), after the
/// handoff overflowed (an outage of the store, a shipper far behind), or before the first batch — reads the
/// file, as it did before, until it has caught up. An overflow drops the batch that did not fit and
/// everything held (the file has them all) and moves <see cref="Start"/> past it; nothing is ever skipped,
/// since a shipper before <see cref="Start"/> reads the file. The writer adds a batch after its fsync and
/// before it publishes the spool's durable end, so a shipper that sees the end sees the items too.
/// </summary>
internal sealed class DurableHandoff(int capacity, long start)
{
    private readonly Lock gate = new();
    private readonly Queue<SpoolItem> items = new();
    private long start = start;

    /// <summary>How many items (records and checkpoints) it holds at most.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Every frame from this global offset on that is durable is held (a segment's header is not an item).</summary>
    public long Start
    {
        get
        {
            lock (gate)
            {
                return start;
            }
        }
    }

    /// <summary>How many batches did not fit (each moved <see cref="Start"/> past itself).</summary>
    public long Overflows { get; private set; }

    /// <summary>The writer, after the fsync of a batch whose items are <paramref name="batch"/>, in spool order, ending at <paramref name="end"/>.</summary>
    public void Add(List<SpoolItem> batch, long end)
    {
        lock (gate)
        {
            if (items.Count + batch.Count > Capacity)
            {
                // The file has them: a shipper this far behind reads it from its offset.
                items.Clear();
                start = end;
                Overflows++;
                return;
            }

            foreach (var item in batch)
            {
                items.Enqueue(item);
            }
        }
    }

    /// <summary>
    /// The items from global offset <paramref name="from"/> (a frame's start, or a segment's end) on, up to
    /// <paramref name="records"/> records and the checkpoints after the last of them, into <paramref name="taken"/>,
    /// dropping what is before <paramref name="from"/> (shipped); false, taking nothing, when <paramref name="from"/> is
    /// before <see cref="Start"/>: what comes next is in the file only.
    /// </summary>
    public bool TryTake(long from, int records, List<SpoolItem> taken, out bool more)
    {
        more = false;
        lock (gate)
        {
            if (from < start)
            {
                return false;
            }

            while (items.TryPeek(out var head) && head.Offset < from)
            {
                items.Dequeue();
            }

            var count = 0;
            foreach (var item in items)
            {
                if (item.Record is not null)
                {
                    if (count == records)
                    {
                        more = true;
                        break;
                    }

                    count++;
                }

                taken.Add(item);
            }

            return true;
        }
    }

    /// <summary>Lets go of what is before <paramref name="offset"/>: the sink has it.</summary>
    public void Shipped(long offset)
    {
        lock (gate)
        {
            while (items.TryPeek(out var head) && head.End <= offset)
            {
                items.Dequeue();
            }
        }
    }
}
