using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Sharing;

/// <summary>
/// An approved share application (Kaifeng art. 15; Hebei art. 13): <paramref name="Agency"/> may read
/// the conditional resource <paramref name="ResourceId"/> for <paramref name="Purposes"/> from
/// <paramref name="ValidFrom"/> until <paramref name="ValidUntil"/>, unless revoked.
/// </summary>
internal sealed record Grant(
    Guid Id,
    Guid ApplicationId,
    string ResourceId,
    string Agency,
    IReadOnlyList<Purpose> Purposes,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Who revoked it (user), when it was revoked.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>Why it was revoked, when it was.</summary>
    public string? RevocationReason { get; init; }

    public bool IsActiveAt(DateTimeOffset at) => RevokedAt is null && ValidFrom <= at && at < ValidUntil;

    public bool Allows(Purpose purpose, DateTimeOffset at) => IsActiveAt(at) && Purposes.Contains(purpose);
}

/// <summary>
/// The grants authorization reads on every request. A revocation must take effect at once: an
/// implementation may cache, but never serve a revoked grant after <c>RevokeAsync</c> returned.
/// </summary>
internal interface IGrantBook
{
    /// <summary>The grants of <paramref name="agency"/> active at <paramref name="at"/>.</summary>
    ValueTask<IReadOnlyList<Grant>> ActiveGrantsAsync(string agency, DateTimeOffset at, CancellationToken cancellationToken);
}
