namespace Federation.Gateway.Sharing.Storage;

/// <summary>
/// The embedded store of the one-command run: records in memory, one lock for every change, so
/// each conditional change sees and sets the state in one step. Lost when the process exits.
/// </summary>
internal sealed class InMemoryShareStore : IShareStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, ShareApplication> applications = [];
    private readonly Dictionary<Guid, Grant> grants = [];

    public Task AddApplicationAsync(ShareApplication application, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!applications.TryAdd(application.Id, application))
            {
                throw new InvalidOperationException($"Share application {application.Id} already exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<ShareApplication?> ApplicationAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(applications.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<ShareApplication>> ApplicationsAsync(Visibility visibility, ApplicationStatus? status, string? resourceId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ShareApplication> found = [.. applications.Values
                .Where(a => visibility.Sees(a.Agency, a.ResourceId) && (status is null || a.Status == status) && (resourceId is null || a.ResourceId == resourceId))
                .OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)];
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<ShareApplication>> PendingDueBeforeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ShareApplication> found = [.. applications.Values
                .Where(a => a.Status == ApplicationStatus.Pending && a.DueDate < date)
                .OrderBy(a => a.DueDate).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Id)];
            return Task.FromResult(found);
        }
    }

    public Task<bool> ApproveAsync(Guid applicationId, Grant grant, DateTimeOffset at, string user, CancellationToken cancellationToken) =>
        Decide(applicationId, a => a with { Status = ApplicationStatus.Approved, DecidedAt = at, DecidedBy = user, GrantId = grant.Id }, grant);

    public Task<bool> RefuseAsync(Guid applicationId, string reason, DateTimeOffset at, string user, CancellationToken cancellationToken) =>
        Decide(applicationId, a => a with { Status = ApplicationStatus.Refused, DecidedAt = at, DecidedBy = user, RefusalReason = reason }, null);

    public Task<bool> WithdrawAsync(Guid applicationId, DateTimeOffset at, string user, CancellationToken cancellationToken) =>
        Decide(applicationId, a => a with { Status = ApplicationStatus.Withdrawn, DecidedAt = at, DecidedBy = user }, null);

    public Task<Grant?> GrantAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(grants.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Grant>> GrantsAsync(Visibility visibility, DateTimeOffset? activeAt, string? resourceId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<Grant> found = [.. grants.Values
                .Where(g => visibility.Sees(g.Agency, g.ResourceId) && (activeAt is not { } at || g.IsActiveAt(at)) && (resourceId is null || g.ResourceId == resourceId))
                .OrderByDescending(g => g.ValidFrom).ThenBy(g => g.Id)];
            return Task.FromResult(found);
        }
    }

    public Task<bool> RevokeAsync(Guid grantId, string reason, DateTimeOffset at, string user, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!grants.TryGetValue(grantId, out var grant) || grant.RevokedAt is not null)
            {
                return Task.FromResult(false);
            }

            grants[grantId] = grant with { RevokedAt = at, RevokedBy = user, RevocationReason = reason };
            return Task.FromResult(true);
        }
    }

    public ValueTask<IReadOnlyList<Grant>> ActiveGrantsAsync(string agency, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Read on every authorized request: a plain loop, and no list at all for an agency without grants.
        List<Grant>? found = null;
        lock (gate)
        {
            foreach (var grant in grants.Values)
            {
                if (grant.Agency == agency && grant.IsActiveAt(at))
                {
                    (found ??= []).Add(grant);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Grant>>(found is null ? [] : found);
    }

    private Task<bool> Decide(Guid applicationId, Func<ShareApplication, ShareApplication> decide, Grant? grant)
    {
        lock (gate)
        {
            if (!applications.TryGetValue(applicationId, out var application) || application.Status != ApplicationStatus.Pending)
            {
                return Task.FromResult(false);
            }

            applications[applicationId] = decide(application);
            if (grant is not null)
            {
                grants.Add(grant.Id, grant);
            }

            return Task.FromResult(true);
        }
    }
}
