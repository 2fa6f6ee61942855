using System.Security.Cryptography;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;

namespace Federation.Gateway.Audit.Verification;

/// <summary>
/// Verifies the trail: over records ordered by (instance, sequence) — a database's or a spool's — and the
/// checkpoints, with the platform's checkpoint public key(s). For each instance's chain: the sequence
/// runs from 1 without a gap, each previous hash is the hash of the record before (the first's is
/// <see cref="AuditChain.Genesis"/>), each hash is SHA-256 over the previous hash and the body, each body
/// is a canonical body naming the record's instance and sequence (and, given a <see cref="ColumnsCheck"/>,
/// agrees with the columns stored beside it); each checkpoint's signature verifies with the key it names,
/// and its (sequence, hash) is the record's. A checkpoint naming a sequence beyond the chain's last record
/// means the tail was cut (<see cref="ChainBreakCodes.TailMissing"/>): the trail writes a checkpoint every
/// <c>CheckpointEvery</c> records, every <c>CheckpointInterval</c> while records come, when it starts on a
/// chain it continues (so the unsigned tail of a run that crashed is pinned by the next run) and when it
/// stops; what a cut can remove unseen is at most the records since the newest checkpoint of a running instance.
/// The answer names the first broken link: by instance (ordinal), then sequence.
/// </summary>
internal sealed class ChainVerifier
{
    /// <summary>What is wrong when a record's stored columns disagree with its body; null when they agree.</summary>
    public delegate string? ColumnsCheck(ChainedRecord record, AuditEntry body);

    private readonly Dictionary<string, ECDsa> keys = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly ColumnsCheck? columns;

    public ChainVerifier(IEnumerable<ECDsa> publicKeys, TimeProvider? time = null, ColumnsCheck? columns = null)
    {
        foreach (var key in publicKeys)
        {
            keys[CheckpointSignature.KeyIdOf(key)] = key;
        }

        this.time = time ?? TimeProvider.System;
        this.columns = columns;
    }

    public ChainVerification Verify(IEnumerable<ChainedRecord> records, IEnumerable<AuditCheckpoint> checkpoints)
    {
        var run = new Run(this, checkpoints);
        foreach (var record in records)
        {
            run.Add(record);
        }

        return run.Finish();
    }

    public async Task<ChainVerification> VerifyAsync(IAsyncEnumerable<ChainedRecord> records, IEnumerable<AuditCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var run = new Run(this, checkpoints);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            run.Add(record);
        }

        return run.Finish();
    }

    /// <summary>One pass: records come one at a time; each instance's state is kept until the next instance begins.</summary>
    private sealed class Run
    {
        private readonly ChainVerifier verifier;
        private readonly Dictionary<string, List<AuditCheckpoint>> checkpointsOf = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, ChainBreak?> breaks = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ChainBreak> forged = new(StringComparer.Ordinal);
        private readonly long checkpointCount;
        private Chain? current;
        private long records;

        public Run(ChainVerifier verifier, IEnumerable<AuditCheckpoint> checkpoints)
        {
            this.verifier = verifier;
            foreach (var checkpoint in checkpoints)
            {
                checkpointCount++;
                if (!verifier.keys.TryGetValue(checkpoint.KeyId, out var key) || !CheckpointSignature.Verify(checkpoint, key))
                {
                    // A forged checkpoint is a break at the sequence it names, and is not trusted further.
                    if (!forged.TryGetValue(checkpoint.Instance, out var earlier) || checkpoint.Sequence < earlier.Sequence)
                    {
                        forged[checkpoint.Instance] = new ChainBreak(
                            checkpoint.Instance,
                            checkpoint.Sequence,
                            ChainBreakCodes.CheckpointSignatureInvalid,
                            verifier.keys.ContainsKey(checkpoint.KeyId)
                                ? $"The checkpoint of {checkpoint.At:O} naming record {checkpoint.Sequence} has a signature that does not verify."
                                : $"The checkpoint of {checkpoint.At:O} naming record {checkpoint.Sequence} is signed with key {checkpoint.KeyId}, which is not one of the platform's.");
                    }

                    continue;
                }

                if (!checkpointsOf.TryGetValue(checkpoint.Instance, out var list))
                {
                    checkpointsOf[checkpoint.Instance] = list = [];
                }

                list.Add(checkpoint);
            }

            foreach (var list in checkpointsOf.Values)
            {
                list.Sort((a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : a.At.CompareTo(b.At));
            }
        }

        public void Add(ChainedRecord record)
        {
            records++;
            if (current is null || !string.Equals(current.Instance, record.Instance, StringComparison.Ordinal))
            {
                Close();
                if (breaks.ContainsKey(record.Instance))
                {
                    throw new ArgumentException($"The records are not ordered by instance: {record.Instance} comes again after another instance.", nameof(record));
                }

                current = new Chain(record.Instance, checkpointsOf.TryGetValue(record.Instance, out var list) ? list : []);
            }

            current.Add(record, verifier.columns);
        }

        public ChainVerification Finish()
        {
            Close();
            foreach (var (instance, list) in checkpointsOf)
            {
                if (!breaks.ContainsKey(instance))
                {
                    // Checkpoints of a chain with no record at all: its whole chain is missing.
                    breaks[instance] = new Chain(instance, list).Finish();
                }
            }

            foreach (var (instance, forgery) in forged)
            {
                breaks[instance] = breaks.GetValueOrDefault(instance) is { } other && other.Sequence <= forgery.Sequence ? other : forgery;
            }

            var first = breaks.Values.FirstOrDefault(found => found is not null);
            return new ChainVerification(first is null, records, checkpointCount, [.. breaks.Keys], first, verifier.time.GetUtcNow());
        }

        private void Close()
        {
            if (current is not null)
            {
                breaks[current.Instance] = current.Finish();
                current = null;
            }
        }
    }

    /// <summary>One instance's chain as its records come.</summary>
    private sealed class Chain
    {
        private readonly List<AuditCheckpoint> checkpoints;
        private readonly byte[] hash = new byte[AuditChain.HashBytes];
        private ChainBreak? found;
        private long last;
        private byte[] previous = AuditChain.Genesis;
        private int nextCheckpoint;

        public Chain(string instance, List<AuditCheckpoint> checkpoints)
        {
            Instance = instance;
            this.checkpoints = checkpoints;
        }

        public string Instance { get; }

        public void Add(ChainedRecord record, ColumnsCheck? columns)
        {
            var sequence = record.Sequence;
            if (found is not null)
            {
                last = Math.Max(last, sequence);
                return;
            }

            if (sequence != last + 1)
            {
                Break(
                    sequence > last + 1 ? last + 1 : sequence,
                    ChainBreakCodes.SequenceGap,
                    sequence > last + 1
                        ? $"Records {last + 1} to {sequence - 1} are missing."
                        : $"Record {sequence} comes again after record {last} (or the records are not ordered by sequence).");
                last = Math.Max(last, sequence);
                return;
            }

            last = sequence;
            if (!record.PreviousHash.Span.SequenceEqual(previous))
            {
                Break(sequence, ChainBreakCodes.PreviousHashMismatch, $"Record {sequence}'s previous hash is not the hash of record {sequence - 1}.");
                return;
            }

            if (record.PreviousHash.Length != AuditChain.HashBytes || record.Hash.Length != AuditChain.HashBytes)
            {
                Break(sequence, ChainBreakCodes.HashMismatch, $"Record {sequence}'s hashes are not {AuditChain.HashBytes} bytes.");
                return;
            }

            AuditChain.Hash(previous, record.Body.Span, hash);
            if (!record.Hash.Span.SequenceEqual(hash))
            {
                Break(sequence, ChainBreakCodes.HashMismatch, $"Record {sequence}'s hash is not the hash of its body: the body or the hash was changed.");
                return;
            }

            (string Instance, long Sequence, AuditEntry Entry) body;
            try
            {
                body = AuditCanonicalForm.Read(record.Body.Span);
            }
            catch (FormatException exception)
            {
                Break(sequence, ChainBreakCodes.BodyUnreadable, $"Record {sequence}'s body is unreadable: {exception.Message}");
                return;
            }

            if (!string.Equals(body.Instance, Instance, StringComparison.Ordinal) || body.Sequence != sequence)
            {
                Break(sequence, ChainBreakCodes.ColumnsMismatch, $"Record {sequence}'s body names record {body.Sequence} of instance {body.Instance}.");
                return;
            }

            if (columns?.Invoke(record, body.Entry) is { } mismatch)
            {
                Break(sequence, ChainBreakCodes.ColumnsMismatch, $"Record {sequence}'s columns disagree with its body: {mismatch}");
                return;
            }

            previous = record.Hash.ToArray();
            Pinned(sequence, previous);
        }

        /// <summary>The chain's first break: a record's, a checkpoint's, or a cut tail.</summary>
        public ChainBreak? Finish()
        {
            if (found is not null)
            {
                return found;
            }

            // Checkpoints before the first record (sequence 0: a chain closed before it had a record).
            Pinned(last, previous);
            for (; nextCheckpoint < checkpoints.Count && found is null; nextCheckpoint++)
            {
                var checkpoint = checkpoints[nextCheckpoint];
                if (checkpoint.Sequence > last)
                {
                    Break(last + 1, ChainBreakCodes.TailMissing, $"A checkpoint of {checkpoint.At:O} names record {checkpoint.Sequence}, the chain ends at {last}: its tail was cut.");
                }
            }

            return found;
        }

        /// <summary>Checks the checkpoints naming records up to <paramref name="sequence"/>, whose hash is <paramref name="recordHash"/>.</summary>
        private void Pinned(long sequence, byte[] recordHash)
        {
            for (; nextCheckpoint < checkpoints.Count && checkpoints[nextCheckpoint].Sequence <= sequence && found is null; nextCheckpoint++)
            {
                var checkpoint = checkpoints[nextCheckpoint];
                if (checkpoint.Sequence < sequence)
                {
                    // Only at sequence 0 (before any record): later ones were checked as their record came.
                    if (checkpoint.Sequence == 0 && checkpoint.Hash.Span.SequenceEqual(AuditChain.Genesis))
                    {
                        continue;
                    }

                    Break(checkpoint.Sequence, ChainBreakCodes.CheckpointMismatch, $"The checkpoint of {checkpoint.At:O} names record {checkpoint.Sequence} with another hash.");
                }
                else if (!checkpoint.Hash.Span.SequenceEqual(recordHash))
                {
                    Break(sequence, ChainBreakCodes.CheckpointMismatch, $"The checkpoint of {checkpoint.At:O} signed another hash for record {sequence}: the records up to it were changed.");
                }
            }
        }

        private void Break(long sequence, string code, string message) => found ??= new ChainBreak(Instance, sequence, code, message);
    }
}
