using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>
/// A trail kept in memory for the reading tests: each entry chained as the spooled trail chains it
/// (canonical body, SHA-256 chain per instance), so the records read back are the ones a store holds.
/// It also makes the fixtures' records, on any instance, and can be told to fail (<see cref="Unavailable"/>).
/// </summary>
internal sealed class MemoryTrail(string instance = "gateway-a") : IAuditTrail
{
    private readonly List<ChainedRecord> records = [];
    private readonly Dictionary<string, (long Sequence, byte[] Hash)> heads = new(StringComparer.Ordinal);

    /// <summary>When set, <see cref="AppendAsync"/> throws <see cref="AuditUnavailableException"/>.</summary>
    public bool Unavailable { get; set; }

    public IReadOnlyList<ChainedRecord> Records
    {
        get
        {
            lock (records)
            {
                return [.. records];
            }
        }
    }

    public ValueTask<ChainedRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        Unavailable ? throw new AuditUnavailableException("The test's trail is down.") : new(Append(entry, instance));

    /// <summary>Chains <paramref name="entry"/> onto <paramref name="on"/>'s chain.</summary>
    public ChainedRecord Append(AuditEntry entry, string on)
    {
        lock (records)
        {
            var (sequence, previous) = heads.TryGetValue(on, out var head) ? head : (0, AuditChain.Genesis);
            var body = AuditCanonicalForm.Write(on, sequence + 1, entry);
            var hash = AuditChain.Hash(previous, body);
            var record = new ChainedRecord(on, sequence + 1, AuditCanonicalForm.Read(body).Entry, body, previous, hash);
            heads[on] = (sequence + 1, hash);
            records.Add(record);
            return record;
        }
    }

    /// <summary>The records of kind <see cref="AuditKind.AuditRead"/>: what the reads left.</summary>
    public IReadOnlyList<AuditEntry> Reads() => [.. Records.Select(r => r.Entry).Where(e => e.Kind == AuditKind.AuditRead)];
}
