namespace Federation.Gateway.Sharing;

/// <summary>
/// Which applications or grants a caller sees: those of <see cref="Agency"/> (as applicant or
/// grantee) and those of the resources <see cref="ProvidedResources"/>; everything when
/// <see cref="All"/> (the competent department).
/// </summary>
internal sealed record Visibility(string? Agency, IReadOnlyCollection<string> ProvidedResources)
{
    public static Visibility All { get; } = new(null, []);

    public bool IsAll => Agency is null;

    public bool Sees(string agency, string resourceId) => IsAll || agency == Agency || ProvidedResources.Contains(resourceId);
}

/// <summary>
/// Where share applications and grants live. Decisions, withdrawals and revocations are
/// conditional: they change a record only in the state they expect (an application still
/// pending, a grant not yet revoked) and say whether they did, so two concurrent decisions on one
/// application give one decision.
/// </summary>
internal interface IShareStore : IGrantBook
{
    Task AddApplicationAsync(ShareApplication application, CancellationToken cancellationToken);

    Task<ShareApplication?> ApplicationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The applications <paramref name="visibility"/> allows, newest first.</summary>
    Task<IReadOnlyList<ShareApplication>> ApplicationsAsync(Visibility visibility, ApplicationStatus? status, string? resourceId, CancellationToken cancellationToken);

    /// <summary>The pending applications due before <paramref name="date"/>, oldest due date first.</summary>
    Task<IReadOnlyList<ShareApplication>> PendingDueBeforeAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>
    /// Approves the application if it is still pending, adding <paramref name="grant"/> in the same
    /// step; false when it was no longer pending (nothing changed).
    /// </summary>
    Task<bool> ApproveAsync(Guid applicationId, Grant grant, DateTimeOffset at, string user, CancellationToken cancellationToken);

    /// <summary>Refuses the application if it is still pending; false when it was not.</summary>
    Task<bool> RefuseAsync(Guid applicationId, string reason, DateTimeOffset at, string user, CancellationToken cancellationToken);

    /// <summary>Withdraws the application if it is still pending; false when it was not.</summary>
    Task<bool> WithdrawAsync(Guid applicationId, DateTimeOffset at, string user, CancellationToken cancellationToken);

    Task<Grant?> GrantAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The grants <paramref name="visibility"/> allows, newest first; only those active at <paramref name="activeAt"/> when given.</summary>
    Task<IReadOnlyList<Grant>> GrantsAsync(Visibility visibility, DateTimeOffset? activeAt, string? resourceId, CancellationToken cancellationToken);

    /// <summary>Revokes the grant if it is not revoked yet; false when it already was. Effective for <see cref="IGrantBook"/> on return.</summary>
    Task<bool> RevokeAsync(Guid grantId, string reason, DateTimeOffset at, string user, CancellationToken cancellationToken);
}
