namespace Federation.Gateway.Audit.Verification;

/// <summary>The codes of a broken chain (<see cref="ChainBreak.Code"/>).</summary>
internal static class ChainBreakCodes
{
    /// <summary>A record's hash is not SHA-256 over the previous hash and its body: the body or the hash was changed.</summary>
    public const string HashMismatch = "HASH_MISMATCH";

    /// <summary>A record's previous hash is not the hash of the record before it: a record was changed and re-hashed, or replaced.</summary>
    public const string PreviousHashMismatch = "PREVIOUS_HASH_MISMATCH";

    /// <summary>A sequence number is missing (the chain's first record is not 1, or one between is gone).</summary>
    public const string SequenceGap = "SEQUENCE_GAP";

    /// <summary>A body is not a canonical body.</summary>
    public const string BodyUnreadable = "BODY_UNREADABLE";

    /// <summary>A record's columns (or its instance and sequence) disagree with its body.</summary>
    public const string ColumnsMismatch = "COLUMNS_MISMATCH";

    /// <summary>A checkpoint's signature does not verify with the platform's key of its key id (or the key id is unknown).</summary>
    public const string CheckpointSignatureInvalid = "CHECKPOINT_SIGNATURE_INVALID";

    /// <summary>A checkpoint names a record whose hash is not the one it signed.</summary>
    public const string CheckpointMismatch = "CHECKPOINT_MISMATCH";

    /// <summary>A checkpoint names a record beyond the chain's last: the chain's tail was cut.</summary>
    public const string TailMissing = "TAIL_MISSING";
}
