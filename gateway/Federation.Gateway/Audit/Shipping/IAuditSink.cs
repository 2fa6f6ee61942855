namespace Federation.Gateway.Audit.Shipping;

/// <summary>
/// Where the spool ships records to (PostgreSQL: <c>PostgresAuditSink</c>). <see cref="WriteAsync"/> stores
/// a batch all or nothing (one transaction), records before checkpoints; the shipper calls it from one
/// loop, in spool order, and after a failure calls it again with the same records (less those
/// <see cref="TailAsync"/> then says are stored), so a sink never sees a record twice unless it asked.
/// </summary>
internal interface IAuditSink
{
    /// <summary>The sequence of <paramref name="instance"/>'s last stored record; 0 when none.</summary>
    Task<long> LastSequenceAsync(string instance, CancellationToken cancellationToken);

    /// <summary>
    /// Where <paramref name="instance"/>'s chain ends in the sink: its last record's sequence and hash, and the
    /// time of its newest checkpoint. The shipper asks on every (re)connection and skips what is already
    /// stored (a crash between the commit and the spool's shipped offset); the trail asks when its spool is
    /// empty (lost, or a new machine under the same instance name), to continue the chain instead of starting a second one.
    /// </summary>
    Task<AuditSinkTail> TailAsync(string instance, CancellationToken cancellationToken);

    Task WriteAsync(IReadOnlyList<ChainedRecord> records, IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken);
}

/// <summary>
/// The end of one instance's chain in a sink: the last record's <see cref="Sequence"/> (0 when none) and
/// <see cref="Hash"/> (<see cref="Chain.AuditChain.Genesis"/> when none), and the time of the newest
/// checkpoint (null when none).
/// </summary>
internal sealed record AuditSinkTail(long Sequence, ReadOnlyMemory<byte> Hash, DateTimeOffset? LastCheckpointAt)
{
    public static AuditSinkTail Empty { get; } = new(0, Chain.AuditChain.Genesis, null);
}
