using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// Where a record stands in the reading order: newest first by time (to the microsecond, as the
/// store keeps it), then instance and sequence, descending — a total order, so a page boundary never
/// splits or repeats records that share a time.
/// </summary>
internal readonly record struct AuditPosition(DateTimeOffset At, string Instance, long Sequence) : IComparable<AuditPosition>
{
    public static AuditPosition Of(ChainedRecord record) => new(AuditColumns.At(record.Entry.At), record.Instance, record.Sequence);

    /// <summary>Ascending: older first. The reading order is its reverse.</summary>
    public int CompareTo(AuditPosition other)
    {
        var byTime = At.UtcTicks.CompareTo(other.At.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byInstance = string.CompareOrdinal(Instance, other.Instance);
        return byInstance != 0 ? byInstance : Sequence.CompareTo(other.Sequence);
    }
}
