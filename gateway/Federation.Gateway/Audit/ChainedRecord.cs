namespace Federation.Gateway.Audit;

/// <summary>
/// A record as the trail keeps it: the entry, the chain it is on (<see cref="Instance"/>, one chain
/// per gateway instance), its place (<see cref="Sequence"/>, from 1, no gaps), the hash of the record
/// before it (32 zero bytes for the first) and its own hash, SHA-256 over the previous hash and
/// <see cref="Body"/>, the entry's canonical JSON bytes, kept verbatim in every store so that the
/// verifier recomputes exactly what was hashed.
/// </summary>
internal sealed record ChainedRecord(
    string Instance,
    long Sequence,
    AuditEntry Entry,
    ReadOnlyMemory<byte> Body,
    ReadOnlyMemory<byte> PreviousHash,
    ReadOnlyMemory<byte> Hash);

/// <summary>
/// A signed checkpoint of one instance's chain: the record at <see cref="Sequence"/> has
/// <see cref="Hash"/>; <see cref="Signature"/> is the platform's key (<see cref="KeyId"/>) over
/// instance, sequence, hash and time. Written every N records and every minute with records since the
/// last, and when the instance stops (<see cref="Closing"/>): a tail cut after a checkpoint, or a chain
/// that ends more than a minute before a later checkpoint without closing, is found.
/// </summary>
internal sealed record AuditCheckpoint(
    string Instance,
    long Sequence,
    ReadOnlyMemory<byte> Hash,
    DateTimeOffset At,
    bool Closing,
    string KeyId,
    ReadOnlyMemory<byte> Signature);
