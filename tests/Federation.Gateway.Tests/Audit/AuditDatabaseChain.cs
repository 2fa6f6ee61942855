using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// One instance's chain made as the trail makes it — canonical bodies, chained hashes, checkpoints
/// signed with a P-256 key of the test's own — for the database tests to store, read back and tamper with.
/// </summary>
internal sealed class AuditDatabaseChain(string instance, ECDsa key)
{
    private byte[] previous = AuditChain.Genesis;

    public string Instance { get; } = instance;

    public List<ChainedRecord> Records { get; } = [];

    public List<AuditCheckpoint> Checkpoints { get; } = [];

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ChainedRecord Append(AuditEntry entry)
    {
        var sequence = Records.Count + 1L;
        var body = AuditCanonicalForm.Write(Instance, sequence, entry);
        var hash = AuditChain.Hash(previous, body);
        var record = new ChainedRecord(Instance, sequence, AuditCanonicalForm.Normalize(entry), body, previous, hash);
        previous = hash;
        Records.Add(record);
        return record;
    }

    /// <summary>Appends <paramref name="count"/> access records, one a minute from <paramref name="from"/>.</summary>
    public AuditDatabaseChain AppendAccesses(int count, DateTimeOffset from)
    {
        for (var i = 0; i < count; i++)
        {
            Append(AuditEntries.Access(Records.Count + 1, from.AddMinutes(i)));
        }

        return this;
    }

    /// <summary>A checkpoint of the last record so far, signed.</summary>
    public AuditCheckpoint Checkpoint(bool closing = false)
    {
        var last = Records[^1];
        var checkpoint = CheckpointSignature.Sign(key, CheckpointSignature.KeyIdOf(key), Instance, last.Sequence, last.Hash, last.Entry.At.AddSeconds(1), closing);
        Checkpoints.Add(checkpoint);
        return checkpoint;
    }
}
