namespace Federation.Gateway.Audit;

/// <summary>
/// Where records go. <see cref="AppendAsync"/> completes once the record is durable — in the local
/// spool, fsync'd, chained — and throws <see cref="AuditUnavailableException"/> when it cannot be made
/// durable at all; the record stage then does not release the request's data (<c>AUDIT_UNAVAILABLE</c>).
/// Records reach PostgreSQL later, in batches, off the request path.
/// </summary>
internal interface IAuditTrail
{
    ValueTask<ChainedRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>The trail could not make a record durable: the spool cannot be written or synced.</summary>
internal sealed class AuditUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
