using System.Globalization;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Events;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.GraphQL;

namespace Federation.Gateway.Sharing;

/// <summary>What an agency asks for when it applies for a conditional resource.</summary>
internal sealed record ShareRequest(
    string ResourceId,
    IReadOnlyList<Purpose> Purposes,
    string Justification,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    string? Matter);

/// <summary>
/// The share-application workflow (Kaifeng art. 15; Hebei art. 13-14; Guangzhou art. 19): an agency
/// applies for a conditional resource, the providing agency approves (making a <see cref="Grant"/>)
/// or refuses with reasons within 10 working days, the applicant may withdraw, the competent
/// department watches the overdue ones, and grants can be revoked. Every refusal is a
/// <see cref="SharingException"/> with its code (<see cref="SharingErrorCodes"/>).
/// </summary>
/// <param name="events">Where each change is recorded (the audit trail's <see cref="PlatformEvents"/>); none when null.</param>
internal sealed class ShareWorkflow(IShareStore store, CurrentCatalogue current, WorkingDayCalendar calendar, SharingOptions options, TimeProvider time, PlatformEvents? events = null)
{
    /// <summary>A workflow over a catalogue that does not change while it runs.</summary>
    public ShareWorkflow(IShareStore store, ShareCatalogue catalogue, WorkingDayCalendar calendar, SharingOptions options, TimeProvider time, PlatformEvents? events = null)
        : this(store, new CurrentCatalogue(catalogue), calendar, options, time, events)
    {
    }

    /// <summary>The catalogue served now; each step reads it once.</summary>
    public ShareCatalogue Catalogue => current.Catalogue;

    public WorkingDayCalendar Calendar => calendar;

    public async Task<ShareApplication> ApplyAsync(Caller caller, ShareRequest request, CancellationToken cancellationToken)
    {
        Require(caller, PlatformRoles.Applicant);
        var catalogue = Catalogue;
        var resource = catalogue.Resource(request.ResourceId) ?? throw Refused(SharingErrorCodes.UnknownResource(request.ResourceId));
        if (resource.Provider == caller.Agency)
        {
            throw Refused(SharingErrorCodes.OwnResource(resource.Id));
        }

        var conditions = resource.Class switch
        {
            ShareClass.Unconditional => throw Refused(SharingErrorCodes.Unconditional(resource.Id)),
            ShareClass.NotShared => throw Refused(SharingErrorCodes.NotShared(resource)),
            _ => resource.Conditions ?? throw Refused(SharingErrorCodes.NoApplicationNeeded(resource.Id)),
        };
        if (!conditions.ApplicationRequired)
        {
            throw Refused(SharingErrorCodes.NoApplicationNeeded(resource.Id));
        }

        if (conditions.Agencies is { } agencies && !agencies.Contains(caller.Agency))
        {
            throw Refused(SharingErrorCodes.AgencyOutsideConditions(resource.Id, caller.Agency));
        }

        if (request.Purposes.Count == 0)
        {
            throw Refused(SharingErrorCodes.NoPurposes());
        }

        foreach (var purpose in request.Purposes)
        {
            if (!conditions.Purposes.Contains(purpose))
            {
                throw Refused(SharingErrorCodes.PurposeOutsideConditions(resource.Id, purpose));
            }
        }

        if (string.IsNullOrWhiteSpace(request.Justification))
        {
            throw Refused(SharingErrorCodes.NoJustification());
        }

        var justification = request.Justification.Trim();
        if (ShareText.Check(justification, ShareText.MaxJustificationLength, SharingErrorCodes.InvalidJustification) is { } badJustification)
        {
            throw Refused(badJustification);
        }

        var matter = string.IsNullOrWhiteSpace(request.Matter) ? null : request.Matter.Trim();
        if (matter is not null && ShareText.CheckMatter(matter) is { } badMatter)
        {
            throw Refused(badMatter);
        }

        var now = Now();
        CheckPeriod(request.ValidFrom, request.ValidUntil, now);
        var application = new ShareApplication(
            Guid.CreateVersion7(now),
            caller.Agency,
            caller.User,
            resource.Id,
            [.. request.Purposes.Distinct()],
            justification,
            Microseconds(request.ValidFrom),
            Microseconds(request.ValidUntil),
            matter,
            now,
            calendar.DueDate(now, options.DecisionWorkingDays),
            ApplicationStatus.Pending);
        await store.AddApplicationAsync(application, cancellationToken).ConfigureAwait(false);
        await RecordAsync(PlatformEventNames.ApplicationSubmitted, caller, application, resource.Provider, null).ConfigureAwait(false);
        return application;
    }

    /// <summary>
    /// Approves a pending application for the resource the caller's agency provides, granting the
    /// requested purposes and period or a narrower part of them (<paramref name="purposes"/>,
    /// <paramref name="validFrom"/>, <paramref name="validUntil"/>; null keeps what was requested).
    /// </summary>
    public async Task<ShareApplication> ApproveAsync(
        Caller caller,
        Guid applicationId,
        IReadOnlyList<Purpose>? purposes,
        DateTimeOffset? validFrom,
        DateTimeOffset? validUntil,
        CancellationToken cancellationToken)
    {
        Require(caller, PlatformRoles.Approver);
        var application = await DecidableAsync(caller, applicationId, cancellationToken).ConfigureAwait(false);
        var granted = purposes ?? application.Purposes;
        if (granted.Count == 0)
        {
            throw Refused(SharingErrorCodes.NoPurposes());
        }

        foreach (var purpose in granted)
        {
            if (!application.Purposes.Contains(purpose))
            {
                throw Refused(SharingErrorCodes.Widened($"{purpose.WireName()} was not applied for"));
            }
        }

        var from = validFrom is { } f ? Microseconds(f) : application.ValidFrom;
        var until = validUntil is { } u ? Microseconds(u) : application.ValidUntil;
        if (from < application.ValidFrom || until > application.ValidUntil)
        {
            throw Refused(SharingErrorCodes.Widened($"the period applied for is {application.ValidFrom:O} to {application.ValidUntil:O}"));
        }

        if (from >= until)
        {
            throw Refused(SharingErrorCodes.BadPeriod("it ends before it starts"));
        }

        var now = Now();
        var grant = new Grant(Guid.CreateVersion7(now), application.Id, application.ResourceId, application.Agency, [.. granted.Distinct()], from, until, null);
        var decided = await store.ApproveAsync(application.Id, grant, now, caller.User, cancellationToken).ConfigureAwait(false);
        var approved = await DecidedAsync(application.Id, decided, cancellationToken).ConfigureAwait(false);
        await RecordAsync(PlatformEventNames.ApplicationApproved, caller, approved, caller.Agency, grant).ConfigureAwait(false);
        return approved;
    }

    /// <summary>Refuses a pending application; the provider must give reasons (Kaifeng art. 15).</summary>
    public async Task<ShareApplication> RefuseAsync(Caller caller, Guid applicationId, string? reason, CancellationToken cancellationToken)
    {
        Require(caller, PlatformRoles.Approver);
        var application = await DecidableAsync(caller, applicationId, cancellationToken).ConfigureAwait(false);
        var refusal = CheckedReason(reason, "refusal");
        var decided = await store.RefuseAsync(application.Id, refusal, Now(), caller.User, cancellationToken).ConfigureAwait(false);
        var refused = await DecidedAsync(application.Id, decided, cancellationToken).ConfigureAwait(false);
        await RecordAsync(PlatformEventNames.ApplicationRefused, caller, refused, caller.Agency, null).ConfigureAwait(false);
        return refused;
    }

    public async Task<ShareApplication> WithdrawAsync(Caller caller, Guid applicationId, CancellationToken cancellationToken)
    {
        Require(caller, PlatformRoles.Applicant);
        var application = await VisibleApplicationAsync(caller, applicationId, cancellationToken).ConfigureAwait(false)
            ?? throw Refused(SharingErrorCodes.UnknownApplication(applicationId.ToString()));
        if (application.Agency != caller.Agency)
        {
            throw Refused(SharingErrorCodes.NotTheApplicant(application.Id));
        }

        var decided = await store.WithdrawAsync(application.Id, Now(), caller.User, cancellationToken).ConfigureAwait(false);
        var withdrawn = await DecidedAsync(application.Id, decided, cancellationToken).ConfigureAwait(false);
        await RecordAsync(PlatformEventNames.ApplicationWithdrawn, caller, withdrawn, Catalogue.Resource(withdrawn.ResourceId)?.Provider, null).ConfigureAwait(false);
        return withdrawn;
    }

    /// <summary>
    /// Revokes a grant: an approver of the providing agency, or the competent department. In force
    /// for authorization (<see cref="IGrantBook"/>) when this returns.
    /// </summary>
    public async Task<Grant> RevokeAsync(Caller caller, Guid grantId, string? reason, CancellationToken cancellationToken)
    {
        var competent = caller.HasRole(PlatformRoles.CompetentDepartment);
        if (!competent)
        {
            Require(caller, PlatformRoles.Approver);
        }

        var grant = await store.GrantAsync(grantId, cancellationToken).ConfigureAwait(false);
        if (grant is null || !VisibilityOf(caller).Sees(grant.Agency, grant.ResourceId))
        {
            throw Refused(SharingErrorCodes.UnknownGrant(grantId.ToString()));
        }

        var provider = Catalogue.Resource(grant.ResourceId)?.Provider;
        if (!competent && provider != caller.Agency)
        {
            throw Refused(SharingErrorCodes.NotTheProvider(grant.ResourceId, provider ?? "(not in the catalogue)"));
        }

        var revocation = CheckedReason(reason, "revocation");
        if (!await store.RevokeAsync(grant.Id, revocation, Now(), caller.User, cancellationToken).ConfigureAwait(false))
        {
            throw Refused(SharingErrorCodes.AlreadyRevoked((await store.GrantAsync(grant.Id, cancellationToken).ConfigureAwait(false))!));
        }

        var revoked = (await store.GrantAsync(grant.Id, cancellationToken).ConfigureAwait(false))!;
        if (events is not null)
        {
            await events.RecordAsync(AuditKind.ShareEvent, PlatformEventNames.GrantRevoked, (caller.User, caller.Agency, caller.Division), new Dictionary<string, string?>
            {
                ["grant"] = revoked.Id.ToString(),
                ["application"] = revoked.ApplicationId.ToString(),
                ["resource"] = revoked.ResourceId,
                ["agency"] = revoked.Agency,
                ["provider"] = provider,
                ["purposes"] = string.Join(',', revoked.Purposes.Select(p => p.WireName())),
                ["validFrom"] = revoked.ValidFrom.ToString("O", CultureInfo.InvariantCulture),
                ["validUntil"] = revoked.ValidUntil.ToString("O", CultureInfo.InvariantCulture),
                ["revokedAt"] = revoked.RevokedAt?.ToString("O", CultureInfo.InvariantCulture),
                ["byCompetentDepartment"] = competent ? "true" : "false",
            }).ConfigureAwait(false);
        }

        return revoked;
    }

    /// <summary>
    /// An application's event in the audit trail: its id, resource, the applying and the providing
    /// agency, the purposes and period applied for — or, once approved, granted — and the matter; never
    /// the justification or a reason, which are free text.
    /// </summary>
    private Task RecordAsync(string name, Caller caller, ShareApplication application, string? provider, Grant? grant) =>
        events is null
            ? Task.CompletedTask
            : events.RecordAsync(AuditKind.ShareEvent, name, (caller.User, caller.Agency, caller.Division), new Dictionary<string, string?>
            {
                ["application"] = application.Id.ToString(),
                ["grant"] = (grant?.Id ?? application.GrantId)?.ToString(),
                ["resource"] = application.ResourceId,
                ["agency"] = application.Agency,
                ["provider"] = provider,
                ["purposes"] = string.Join(',', (grant?.Purposes ?? application.Purposes).Select(p => p.WireName())),
                ["validFrom"] = (grant?.ValidFrom ?? application.ValidFrom).ToString("O", CultureInfo.InvariantCulture),
                ["validUntil"] = (grant?.ValidUntil ?? application.ValidUntil).ToString("O", CultureInfo.InvariantCulture),
                ["matter"] = application.Matter,
                ["status"] = application.Status.WireName(),
            });

    /// <summary>The application when the caller may see it: its agency's own, for a resource it provides, or any for the competent department.</summary>
    public async Task<ShareApplication?> VisibleApplicationAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var application = await store.ApplicationAsync(id, cancellationToken).ConfigureAwait(false);
        return application is not null && VisibilityOf(caller).Sees(application.Agency, application.ResourceId) ? application : null;
    }

    public Task<IReadOnlyList<ShareApplication>> ApplicationsAsync(Caller caller, ApplicationStatus? status, string? resourceId, CancellationToken cancellationToken) =>
        store.ApplicationsAsync(VisibilityOf(caller), status, resourceId, cancellationToken);

    /// <summary>Pending applications past their due date, for the competent department (Hebei art. 14, 17).</summary>
    public async Task<IReadOnlyList<OverdueApplication>> OverdueAsync(Caller caller, CancellationToken cancellationToken)
    {
        Require(caller, PlatformRoles.CompetentDepartment);
        var today = calendar.DateOf(Now());
        var pending = await store.PendingDueBeforeAsync(today, cancellationToken).ConfigureAwait(false);
        var overdue = new List<OverdueApplication>(pending.Count);
        foreach (var application in pending)
        {
            overdue.Add(new OverdueApplication(application, today.DayNumber - application.DueDate.DayNumber));
        }

        return overdue;
    }

    public async Task<Grant?> VisibleGrantAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var grant = await store.GrantAsync(id, cancellationToken).ConfigureAwait(false);
        return grant is not null && VisibilityOf(caller).Sees(grant.Agency, grant.ResourceId) ? grant : null;
    }

    public Task<IReadOnlyList<Grant>> GrantsAsync(Caller caller, bool activeOnly, string? resourceId, CancellationToken cancellationToken) =>
        store.GrantsAsync(VisibilityOf(caller), activeOnly ? Now() : null, resourceId, cancellationToken);

    /// <summary>The current time, to the microsecond PostgreSQL keeps, so a stored time reads back equal.</summary>
    public DateTimeOffset Now() => Microseconds(time.GetUtcNow());

    private Visibility VisibilityOf(Caller caller) => caller.HasRole(PlatformRoles.CompetentDepartment)
        ? Visibility.All
        : new Visibility(caller.Agency, [.. Catalogue.Resources.Where(r => r.Provider == caller.Agency).Select(r => r.Id)]);

    /// <summary>The reason of a <paramref name="decision"/>, trimmed; refused when missing or not within <see cref="ShareText"/>'s bounds.</summary>
    private static string CheckedReason(string? reason, string decision)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Refused(SharingErrorCodes.NoReason(decision));
        }

        var trimmed = reason.Trim();
        return ShareText.Check(trimmed, ShareText.MaxReasonLength, why => SharingErrorCodes.InvalidReason(decision, why)) is { } invalid
            ? throw Refused(invalid)
            : trimmed;
    }

    /// <summary>A pending application for a resource the caller's agency provides.</summary>
    private async Task<ShareApplication> DecidableAsync(Caller caller, Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await VisibleApplicationAsync(caller, applicationId, cancellationToken).ConfigureAwait(false)
            ?? throw Refused(SharingErrorCodes.UnknownApplication(applicationId.ToString()));
        var provider = Catalogue.Resource(application.ResourceId)?.Provider;
        if (provider != caller.Agency)
        {
            throw Refused(SharingErrorCodes.NotTheProvider(application.ResourceId, provider ?? "(not in the catalogue)"));
        }

        return application.Status == ApplicationStatus.Pending ? application : throw Refused(SharingErrorCodes.AlreadyDecided(application));
    }

    /// <summary>The application as the store's decision left it; refused when <paramref name="decided"/> is false (another decision came first).</summary>
    private async Task<ShareApplication> DecidedAsync(Guid applicationId, bool decided, CancellationToken cancellationToken)
    {
        var application = (await store.ApplicationAsync(applicationId, cancellationToken).ConfigureAwait(false))!;
        return decided ? application : throw Refused(SharingErrorCodes.AlreadyDecided(application));
    }

    private void CheckPeriod(DateTimeOffset from, DateTimeOffset until, DateTimeOffset now)
    {
        if (from >= until)
        {
            throw Refused(SharingErrorCodes.BadPeriod("it ends before it starts"));
        }

        if (until <= now)
        {
            throw Refused(SharingErrorCodes.BadPeriod("it has already ended"));
        }

        if (until - from > TimeSpan.FromDays(options.MaxPeriodDays))
        {
            throw Refused(SharingErrorCodes.BadPeriod($"it is longer than {options.MaxPeriodDays} days"));
        }
    }

    private static void Require(Caller caller, string role)
    {
        if (!caller.HasRole(role))
        {
            throw Refused(SharingErrorCodes.MissingRole(role));
        }
    }

    private static SharingException Refused(GraphQLError error) => new(error);

    private static DateTimeOffset Microseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % 10), TimeSpan.Zero);
}
