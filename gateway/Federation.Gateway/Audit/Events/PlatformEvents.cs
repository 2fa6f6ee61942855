using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Audit.Events;

/// <summary>
/// The platform's own events in the audit trail — share applications and grants changed
/// (<see cref="AuditKind.ShareEvent"/>), the supergraph and catalogue reloaded or a reload refused
/// (<see cref="AuditKind.Reload"/>) — each one record naming the event, who made it (when a user
/// did) and what it concerns in <see cref="AuditEntry.Detail"/>: ids, resources, agencies, purposes,
/// periods, codes — never personal data, nor free text (a justification or a reason may hold some).
/// <para>
/// An event is recorded after the change it reports was made durable where it lives (the share
/// store, the served set), so the trail never holds a change that did not happen. When the trail
/// cannot make the record durable the change stands — undoing a committed decision would misreport
/// it, and the share store keeps who decided what and when in its own rows — and the event, with its
/// detail, goes to the log as an error (event 6103) for the operator to restore the trail.
/// Without a trail (<c>Audit:Enabled=false</c>) nothing is recorded.
/// </para>
/// </summary>
internal sealed partial class PlatformEvents(IAuditTrail? trail, ILogger<PlatformEvents> logger, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Records event <paramref name="name"/>, made by <paramref name="by"/> (user, agency, division) when a user made it.</summary>
    public async Task RecordAsync(AuditKind kind, string name, (string User, string Agency, string Division)? by, IReadOnlyDictionary<string, string?> detail)
    {
        if (trail is null)
        {
            return;
        }

        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Kind = kind,
            Event = name,
            User = by?.User,
            Agency = by?.Agency,
            Division = by?.Division,
            Detail = detail,
        };
        try
        {
            // Not the caller's token: the change is made, its record must follow even if the client went away.
            await trail.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AuditUnavailableException exception)
        {
            NotRecorded(logger, name, by?.User ?? "", by?.Agency ?? "", string.Join(", ", detail.Select(d => $"{d.Key}={d.Value}")), exception);
        }
    }

    [LoggerMessage(
        EventId = 6103,
        EventName = "PlatformEventNotAudited",
        Level = LogLevel.Error,
        Message = "Event {Event} by user {User} of {Agency} ({Detail}) was made but could not be recorded in the audit trail")]
    private static partial void NotRecorded(ILogger logger, string @event, string user, string agency, string detail, Exception exception);
}

/// <summary>The names of the platform's events in the audit trail.</summary>
internal static class PlatformEventNames
{
    public const string ApplicationSubmitted = "SHARE_APPLICATION_SUBMITTED";
    public const string ApplicationApproved = "SHARE_APPLICATION_APPROVED";
    public const string ApplicationRefused = "SHARE_APPLICATION_REFUSED";
    public const string ApplicationWithdrawn = "SHARE_APPLICATION_WITHDRAWN";
    public const string GrantRevoked = "GRANT_REVOKED";
    public const string SupergraphReloaded = "SUPERGRAPH_RELOADED";
    public const string ReloadRefused = "RELOAD_REFUSED";
    public const string CacheEvicted = "CACHE_EVICTED";
    public const string CacheEvictionRefused = "CACHE_EVICTION_REFUSED";
}
