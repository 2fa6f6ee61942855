namespace Federation.Gateway.Audit.Verification;

/// <summary>
/// The first broken link the verifier found in a chain: the instance, the sequence it is at (for a missing
/// record, the first missing one; for a checkpoint, the sequence it names), the code
/// (<see cref="ChainBreakCodes"/>) and what is wrong.
/// </summary>
internal sealed record ChainBreak(string Instance, long Sequence, string Code, string Message);

/// <summary>
/// What the verifier found over the trail: whether every chain is whole, how many records and checkpoints it
/// read, the instances it saw (ordinal order), the first break (by instance, then sequence), and when.
/// </summary>
internal sealed record ChainVerification(
    bool Whole,
    long Records,
    long Checkpoints,
    IReadOnlyList<string> Instances,
    ChainBreak? FirstBreak,
    DateTimeOffset VerifiedAt);
