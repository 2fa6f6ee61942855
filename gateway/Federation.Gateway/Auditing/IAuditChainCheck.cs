using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Audit.Verification;

namespace Federation.Gateway.Auditing;

/// <summary>
/// The chain verification an auditor asks for: over PostgreSQL the store's check (records with their
/// columns, and checkpoints, read from the database); over a spool <see cref="EnumeratedChainCheck"/>.
/// </summary>
internal interface IAuditChainCheck
{
    Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>The verifier (<see cref="ChainVerifier"/>) over records and checkpoints read afresh, together — a spool's.</summary>
internal sealed class EnumeratedChainCheck(Func<(IEnumerable<ChainedRecord> Records, IEnumerable<AuditCheckpoint> Checkpoints)> read, ChainVerifier verifier) : IAuditChainCheck
{
    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var (records, checkpoints) = read();
        // The verifier takes each instance's records in sequence order.
        var ordered = records.OrderBy(r => r.Instance, StringComparer.Ordinal).ThenBy(r => r.Sequence);
        return Task.FromResult(verifier.Verify(ordered, checkpoints));
    }
}

/// <summary>The store's verification over PostgreSQL (<see cref="PostgresChainVerification"/>: columns checked against each body too).</summary>
internal sealed class DatabaseChainCheck(PostgresChainVerification verification, IReadOnlyList<ECDsa> publicKeys, TimeProvider time) : IAuditChainCheck
{
    public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken) => verification.VerifyAsync(publicKeys, time, cancellationToken);
}
