using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Subjects;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// An in-memory <see cref="IAuditTrail"/>: keeps every entry it is handed, numbered from 1, or — while
/// <see cref="Unavailable"/> — throws <see cref="AuditUnavailableException"/> as a trail whose spool
/// cannot be synced does. Tests that take an <see cref="IAuditTrail"/> take any other trail as well.
/// </summary>
internal sealed class CapturingAuditTrail : IAuditTrail
{
    private readonly List<AuditEntry> entries = [];

    /// <summary>The key of the tests' subject hashes (32 bytes).</summary>
    public static readonly SubjectHash Subjects = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public bool Unavailable { get; set; }

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public ValueTask<ChainedRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new AuditUnavailableException("The test trail is unavailable.");
        }

        lock (entries)
        {
            entries.Add(entry);
            return new ValueTask<ChainedRecord>(new ChainedRecord("test", entries.Count, entry, ReadOnlyMemory<byte>.Empty, new byte[32], new byte[32]));
        }
    }
}
