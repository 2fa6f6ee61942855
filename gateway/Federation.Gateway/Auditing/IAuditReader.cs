using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// The audit trail as the reading API sees it, wherever it is kept: PostgreSQL
/// (<see cref="PostgresAuditReader"/>) or the records of a spool (<see cref="EnumeratedAuditReader"/>,
/// the one-command run). Both answer the same for the same records: the filter means what
/// <see cref="AuditFilter.Matches"/> says, the order is <see cref="AuditPosition"/>'s. What the
/// auditor is shown — pages, histories, statistics, evaluations — is computed from these two
/// reads by the same code (<see cref="AuditReading"/>), whatever the store.
/// </summary>
internal interface IAuditReader
{
    /// <summary>
    /// At most <paramref name="limit"/> records that match <paramref name="filter"/>, newest first, each
    /// after <paramref name="after"/> in that order (older than it) when given.
    /// </summary>
    Task<IReadOnlyList<ChainedRecord>> PageAsync(AuditFilter filter, AuditPosition? after, int limit, CancellationToken cancellationToken);

    /// <summary>Every record that matches <paramref name="filter"/>, oldest first.</summary>
    IAsyncEnumerable<ChainedRecord> ScanAsync(AuditFilter filter, CancellationToken cancellationToken);
}
