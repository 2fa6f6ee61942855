using Federation.Gateway.Audit.Verification;

namespace Federation.Gateway.Audit.Reading;

/// <summary>
/// The chain verification an auditor asks for: over PostgreSQL the store's check (records with their
/// columns, and checkpoints, read from the database); over a spool <see cref="EnumeratedChainCheck"/>.
/// </summary>
internal interface IAuditChainCheck
{
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>The verifier (<see cref="ChainVerifier"/>) over records and checkpoints enumerated afresh — a spool's.</summary>
internal sealed class EnumeratedChainCheck(Func<IEnumerable<ChainedRecord>> records, Func<IEnumerable<AuditCheckpoint>> checkpoints, ChainVerifier verifier) : IAuditChainCheck
{
    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // The verifier takes each instance's records in sequence order.
        var ordered = records().OrderBy(r => r.Instance, StringComparer.Ordinal).ThenBy(r => r.Sequence);
        return Task.FromResult(verifier.Verify(ordered, checkpoints()));
    }
}
