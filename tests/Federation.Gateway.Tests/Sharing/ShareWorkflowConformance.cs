using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;
using Federation.Gateway.Sharing.Storage;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Sharing;

/// <summary>
/// The share workflow end to end, one set of cases run on each store: the in-memory store of the
/// one-command run and PostgreSQL. Each test has a store of its own (a fresh PostgreSQL schema).
/// </summary>
public abstract class ShareWorkflowConformance : IAsyncLifetime
{
    private readonly ManualClock clock = new(Start);
    private IShareStore store = null!;
    private ShareWorkflow workflow = null!;

    private protected IShareStore Store => store;

    private protected ManualClock Clock => clock;

    private protected ShareWorkflow Workflow => workflow;

    public async ValueTask InitializeAsync()
    {
        store = await OpenStoreAsync();
        workflow = SharingWorld.Workflow(store, clock);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_application_is_pending_and_due_ten_working_days_after_submission()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Equal(new DateOnly(2026, 1, 19), application.DueDate);
        Assert.Equal(CivilAffairs, application.Agency);
        Assert.Equal("wang.fang", application.Applicant);
        Assert.Equal("330200-MZ-0012", application.Matter);
        Assert.Equal(application, await store.ApplicationAsync(application.Id, Ct), ApplicationComparer.Instance);
    }

    [Fact]
    public async Task An_approval_makes_a_grant_that_is_active_at_once()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
        Assert.Empty(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));

        var approved = await workflow.ApproveAsync(Approver(), application.Id, null, null, null, Ct);

        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        Assert.Equal("li.qiang", approved.DecidedBy);
        Assert.Equal<DateTimeOffset?>(clock.Now, approved.DecidedAt);
        var grant = Assert.Single(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));
        Assert.Equal(approved.GrantId, grant.Id);
        Assert.Equal(application.Id, grant.ApplicationId);
        Assert.Equal(MaritalRecords, grant.ResourceId);
        Assert.Equal([Purpose.AdministrativeBasis, Purpose.DataVerification], grant.Purposes);
        Assert.Equal((application.ValidFrom, application.ValidUntil), (grant.ValidFrom, grant.ValidUntil));
        Assert.True(grant.Allows(Purpose.DataVerification, clock.Now));
        Assert.False(grant.Allows(Purpose.WorkReference, clock.Now));
        Assert.Empty(await store.ActiveGrantsAsync(Taxation, clock.Now, Ct));
    }

    [Fact]
    public async Task An_approver_may_narrow_the_purposes_and_the_period_but_never_widen_them()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        await ExpectRefusal(SharingErrorCodes.GrantWiderThanRequested, () => workflow.ApproveAsync(Approver(), application.Id, [Purpose.WorkReference], null, null, Ct));
        await ExpectRefusal(SharingErrorCodes.GrantWiderThanRequested, () => workflow.ApproveAsync(Approver(), application.Id, null, Start.AddDays(-1), null, Ct));
        await ExpectRefusal(SharingErrorCodes.GrantWiderThanRequested, () => workflow.ApproveAsync(Approver(), application.Id, null, null, Start.AddDays(181), Ct));
        await ExpectRefusal(SharingErrorCodes.InvalidPeriod, () => workflow.ApproveAsync(Approver(), application.Id, null, Start.AddDays(10), Start.AddDays(5), Ct));
        await ExpectRefusal(SharingErrorCodes.PurposesRequired, () => workflow.ApproveAsync(Approver(), application.Id, [], null, null, Ct));
        Assert.Equal(ApplicationStatus.Pending, (await store.ApplicationAsync(application.Id, Ct))!.Status);

        await workflow.ApproveAsync(Approver(), application.Id, [Purpose.DataVerification], Start.AddDays(1), Start.AddDays(90), Ct);

        var grant = Assert.Single(await store.GrantsAsync(Visibility.All, null, null, Ct));
        Assert.Equal([Purpose.DataVerification], grant.Purposes);
        Assert.Equal((Start.AddDays(1), Start.AddDays(90)), (grant.ValidFrom, grant.ValidUntil));
    }

    public static TheoryData<string, string> Applications => new()
    {
        { "unknown resource", SharingErrorCodes.ResourceNotFound },
        { "unconditional resource", SharingErrorCodes.ResourceUnconditional },
        { "not-shared resource", SharingErrorCodes.ResourceNotShared },
        { "conditional resource without application", SharingErrorCodes.ApplicationNotRequired },
        { "own resource", SharingErrorCodes.ProviderNeedsNoApplication },
        { "agency outside the conditions", SharingErrorCodes.AgencyNotPermitted },
        { "no purpose", SharingErrorCodes.PurposesRequired },
        { "purpose not permitted", SharingErrorCodes.PurposeNotPermitted },
        { "blank justification", SharingErrorCodes.JustificationRequired },
        { "period ending before it starts", SharingErrorCodes.InvalidPeriod },
        { "period already over", SharingErrorCodes.InvalidPeriod },
        { "period over three years", SharingErrorCodes.InvalidPeriod },
        { "no applicant role", SharingErrorCodes.ForbiddenRole },
    };

    [Theory]
    [MemberData(nameof(Applications))]
    public async Task An_application_outside_the_rules_is_refused_with_its_code_and_nothing_is_stored(string @case, string code)
    {
        var request = MaritalRecordsRequest();
        var caller = Applicant();
        switch (@case)
        {
            case "unknown resource": request = request with { ResourceId = "population.nothing" }; break;
            case "unconditional resource": request = request with { ResourceId = BaseItems }; break;
            case "not-shared resource": request = request with { ResourceId = Religion }; break;
            case "conditional resource without application": request = request with { ResourceId = OpenRecords, Purposes = [Purpose.WorkReference] }; break;
            case "own resource": caller = Applicant(PublicSecurity); break;
            case "agency outside the conditions": caller = Applicant(MarketSupervision); break;
            case "no purpose": request = request with { Purposes = [] }; break;
            case "purpose not permitted": request = request with { Purposes = [Purpose.AdministrativeBasis, Purpose.BusinessCollaboration] }; break;
            case "blank justification": request = request with { Justification = "  " }; break;
            case "period ending before it starts": request = request with { ValidUntil = Start.AddDays(-1) }; break;
            case "period already over": request = request with { ValidFrom = Start.AddDays(-30), ValidUntil = Start.AddMinutes(-1) }; break;
            case "period over three years": request = request with { ValidUntil = Start.AddDays(1097) }; break;
            case "no applicant role": caller = Nobody(); break;
        }

        await ExpectRefusal(code, () => workflow.ApplyAsync(caller, request, Ct));
        Assert.Empty(await store.ApplicationsAsync(Visibility.All, null, null, Ct));
    }

    [Fact]
    public async Task Only_an_approver_of_the_providing_agency_decides()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        await ExpectRefusal(SharingErrorCodes.ForbiddenRole, () => workflow.ApproveAsync(Applicant(PublicSecurity), application.Id, null, null, null, Ct));
        await ExpectRefusal(SharingErrorCodes.ForbiddenAgency, () => workflow.ApproveAsync(Approver(CivilAffairs), application.Id, null, null, null, Ct));
        await ExpectRefusal(SharingErrorCodes.ApplicationNotFound, () => workflow.ApproveAsync(Approver(MarketSupervision), application.Id, null, null, null, Ct));
        await ExpectRefusal(SharingErrorCodes.ForbiddenAgency, () => workflow.RefuseAsync(Approver(CivilAffairs), application.Id, "No.", Ct));
        await ExpectRefusal(SharingErrorCodes.ApplicationNotFound, () => workflow.ApproveAsync(Approver(), Guid.NewGuid(), null, null, null, Ct));

        Assert.Equal(ApplicationStatus.Pending, (await store.ApplicationAsync(application.Id, Ct))!.Status);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_makes_no_grant()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        await ExpectRefusal(SharingErrorCodes.ReasonRequired, () => workflow.RefuseAsync(Approver(), application.Id, " ", Ct));
        await ExpectRefusal(SharingErrorCodes.ReasonRequired, () => workflow.RefuseAsync(Approver(), application.Id, null, Ct));
        var refused = await workflow.RefuseAsync(Approver(), application.Id, "The matter does not need marital records.", Ct);

        Assert.Equal(ApplicationStatus.Refused, refused.Status);
        Assert.Equal("The matter does not need marital records.", refused.RefusalReason);
        Assert.Null(refused.GrantId);
        Assert.Empty(await store.GrantsAsync(Visibility.All, null, null, Ct));
    }

    [Fact]
    public async Task A_decided_application_is_not_decided_again()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
        await workflow.ApproveAsync(Approver(), application.Id, null, null, null, Ct);

        var again = await ExpectRefusal(SharingErrorCodes.ApplicationNotPending, () => workflow.ApproveAsync(Approver(), application.Id, null, null, null, Ct));
        Assert.Equal("APPROVED", again.Error.Extensions!["status"]);
        await ExpectRefusal(SharingErrorCodes.ApplicationNotPending, () => workflow.RefuseAsync(Approver(), application.Id, "Changed my mind.", Ct));
        await ExpectRefusal(SharingErrorCodes.ApplicationNotPending, () => workflow.WithdrawAsync(Applicant(), application.Id, Ct));
        Assert.Single(await store.GrantsAsync(Visibility.All, null, null, Ct));
    }

    [Fact]
    public async Task Two_concurrent_decisions_on_one_application_give_one_decision()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Outcome<ShareApplication>(i % 2 == 0
            ? () => workflow.ApproveAsync(Approver(user: "approver" + i), application.Id, null, null, null, Ct)
            : () => workflow.RefuseAsync(Approver(user: "approver" + i), application.Id, "Refused by " + i, Ct))));

        var decided = Assert.Single(decisions, d => d is ShareApplication);
        Assert.All(decisions.Where(d => d is not ShareApplication), d => Assert.Equal(SharingErrorCodes.ApplicationNotPending, Code(d)));
        var stored = (await store.ApplicationAsync(application.Id, Ct))!;
        Assert.Equal(((ShareApplication)decided!).Status, stored.Status);
        Assert.Equal(stored.Status == ApplicationStatus.Approved ? 1 : 0, (await store.GrantsAsync(Visibility.All, null, null, Ct)).Count);
    }

    [Fact]
    public async Task The_applicant_withdraws_its_pending_application_and_no_one_else_does()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        await ExpectRefusal(SharingErrorCodes.ApplicationNotFound, () => workflow.WithdrawAsync(Applicant(Taxation), application.Id, Ct));
        await ExpectRefusal(SharingErrorCodes.ForbiddenAgency, () => workflow.WithdrawAsync(Applicant(PublicSecurity), application.Id, Ct));
        await ExpectRefusal(SharingErrorCodes.ForbiddenRole, () => workflow.WithdrawAsync(Nobody(), application.Id, Ct));
        var withdrawn = await workflow.WithdrawAsync(Applicant(user: "another.clerk"), application.Id, Ct);

        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("another.clerk", withdrawn.DecidedBy);
        await ExpectRefusal(SharingErrorCodes.ApplicationNotPending, () => workflow.ApproveAsync(Approver(), application.Id, null, null, null, Ct));
    }

    [Fact]
    public async Task A_revoked_grant_is_inactive_as_soon_as_the_revocation_returns()
    {
        var grant = await GrantAsync();

        await ExpectRefusal(SharingErrorCodes.ReasonRequired, () => workflow.RevokeAsync(Approver(), grant.Id, "", Ct));
        await ExpectRefusal(SharingErrorCodes.ForbiddenRole, () => workflow.RevokeAsync(Applicant(PublicSecurity), grant.Id, "No.", Ct));
        await ExpectRefusal(SharingErrorCodes.ForbiddenAgency, () => workflow.RevokeAsync(Approver(CivilAffairs), grant.Id, "No.", Ct));
        await ExpectRefusal(SharingErrorCodes.GrantNotFound, () => workflow.RevokeAsync(Approver(MarketSupervision), grant.Id, "No.", Ct));
        Assert.Single(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));

        var revoked = await workflow.RevokeAsync(Approver(), grant.Id, "The matter is closed.", Ct);

        Assert.Empty(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));
        Assert.Equal<DateTimeOffset?>(clock.Now, revoked.RevokedAt);
        Assert.Equal(("li.qiang", "The matter is closed."), (revoked.RevokedBy, revoked.RevocationReason));
        Assert.False(revoked.IsActiveAt(clock.Now));
        await ExpectRefusal(SharingErrorCodes.GrantAlreadyRevoked, () => workflow.RevokeAsync(CompetentDepartment(), grant.Id, "Again.", Ct));
    }

    [Fact]
    public async Task The_competent_department_revokes_any_grant()
    {
        var grant = await GrantAsync();

        await workflow.RevokeAsync(CompetentDepartment(), grant.Id, "Found misused in the yearly evaluation.", Ct);

        Assert.Empty(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));
    }

    [Fact]
    public async Task A_grant_expires_at_the_end_of_its_period()
    {
        var grant = await GrantAsync();

        clock.Now = grant.ValidUntil.AddTicks(-10);
        Assert.Single(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));
        Assert.Single(await workflow.GrantsAsync(Applicant(), activeOnly: true, null, Ct));

        clock.Now = grant.ValidUntil;
        Assert.Empty(await store.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));
        Assert.Empty(await workflow.GrantsAsync(Applicant(), activeOnly: true, null, Ct));
        Assert.Single(await workflow.GrantsAsync(Applicant(), activeOnly: false, null, Ct));
    }

    [Fact]
    public async Task Pending_applications_past_their_due_date_are_listed_for_the_competent_department()
    {
        var late = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
        var answered = await workflow.ApplyAsync(Applicant(Taxation), MaritalRecordsRequest(), Ct);
        await workflow.RefuseAsync(Approver(), answered.Id, "Taxation needs no marital records for this matter.", Ct);
        clock.Advance(TimeSpan.FromDays(3));
        var later = await workflow.ApplyAsync(Applicant(user: "second.clerk"), MaritalRecordsRequest(), Ct);

        clock.Now = new DateTimeOffset(2026, 1, 19, 23, 59, 0, TimeSpan.FromHours(8));
        Assert.Empty(await workflow.OverdueAsync(CompetentDepartment(), Ct));

        clock.Now = new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.FromHours(8));
        var overdue = Assert.Single(await workflow.OverdueAsync(CompetentDepartment(), Ct));
        Assert.Equal((late.Id, 3), (overdue.Application.Id, overdue.DaysOverdue));

        clock.Now = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal([(late.Id, 14), (later.Id, 11)], (await workflow.OverdueAsync(CompetentDepartment(), Ct)).Select(o => (o.Application.Id, o.DaysOverdue)));
        await ExpectRefusal(SharingErrorCodes.ForbiddenRole, () => workflow.OverdueAsync(Approver(), Ct));
    }

    [Fact]
    public async Task An_agency_sees_its_own_applications_a_provider_those_for_its_resources_the_competent_department_all()
    {
        // A minute apart, so that newest first is one order.
        var civil = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var tax = await workflow.ApplyAsync(Applicant(Taxation), MaritalRecordsRequest(), Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var reports = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest() with { ResourceId = AnnualReports, Purposes = [Purpose.WorkReference] }, Ct);

        Assert.Equal(Ids(reports, civil), Ids(await workflow.ApplicationsAsync(Nobody(CivilAffairs), null, null, Ct)));
        Assert.Equal(Ids(tax), Ids(await workflow.ApplicationsAsync(Nobody(Taxation), null, null, Ct)));
        Assert.Equal(Ids(tax, civil), Ids(await workflow.ApplicationsAsync(Nobody(PublicSecurity), null, null, Ct)));
        Assert.Equal(Ids(reports), Ids(await workflow.ApplicationsAsync(Nobody(MarketSupervision), null, null, Ct)));
        Assert.Equal(3, (await workflow.ApplicationsAsync(CompetentDepartment(), null, null, Ct)).Count);
        Assert.Equal(Ids(reports), Ids(await workflow.ApplicationsAsync(CompetentDepartment(), null, AnnualReports, Ct)));
        Assert.Null(await workflow.VisibleApplicationAsync(Nobody(Taxation), civil.Id, Ct));
        Assert.NotNull(await workflow.VisibleApplicationAsync(Nobody(PublicSecurity), civil.Id, Ct));

        await workflow.ApproveAsync(Approver(), civil.Id, null, null, null, Ct);
        Assert.Equal(Ids(civil), Ids(await workflow.ApplicationsAsync(Nobody(CivilAffairs), ApplicationStatus.Approved, null, Ct)));
        Assert.Single(await workflow.GrantsAsync(Nobody(CivilAffairs), false, null, Ct));
        Assert.Single(await workflow.GrantsAsync(Nobody(PublicSecurity), false, null, Ct));
        Assert.Empty(await workflow.GrantsAsync(Nobody(Taxation), false, null, Ct));
        Assert.Empty(await workflow.GrantsAsync(Nobody(MarketSupervision), false, null, Ct));
    }

    /// <summary>Free text at its limit, counted in characters as PostgreSQL counts them: CJK, an emoji (two UTF-16 units), newline and tab.</summary>
    public static TheoryData<string, int, bool> TextBounds => new()
    {
        { "justification", ShareText.MaxJustificationLength, true },
        { "justification", ShareText.MaxJustificationLength + 1, false },
        { "refusal reason", ShareText.MaxReasonLength, true },
        { "refusal reason", ShareText.MaxReasonLength + 1, false },
        { "revocation reason", ShareText.MaxReasonLength, true },
        { "revocation reason", ShareText.MaxReasonLength + 1, false },
    };

    [Theory]
    [MemberData(nameof(TextBounds))]
    public async Task Free_text_is_stored_up_to_its_limit_and_refused_past_it_with_nothing_stored(string field, int length, bool accepted)
    {
        var text = TextOf(length);
        switch (field)
        {
            case "justification":
                var apply = () => workflow.ApplyAsync(Applicant(), MaritalRecordsRequest() with { Justification = text }, Ct);
                if (accepted)
                {
                    var application = await apply();
                    Assert.Equal(text, (await store.ApplicationAsync(application.Id, Ct))!.Justification);
                }
                else
                {
                    var refusal = await ExpectRefusal(SharingErrorCodes.JustificationInvalid, apply);
                    Assert.Contains($"longer than {ShareText.MaxJustificationLength} characters", refusal.Message, StringComparison.Ordinal);
                    Assert.Empty(await store.ApplicationsAsync(Visibility.All, null, null, Ct));
                }

                break;
            case "refusal reason":
                var pending = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
                var refuse = () => workflow.RefuseAsync(Approver(), pending.Id, text, Ct);
                if (accepted)
                {
                    await refuse();
                    Assert.Equal(text, (await store.ApplicationAsync(pending.Id, Ct))!.RefusalReason);
                }
                else
                {
                    await ExpectRefusal(SharingErrorCodes.ReasonInvalid, refuse);
                    Assert.Equal(ApplicationStatus.Pending, (await store.ApplicationAsync(pending.Id, Ct))!.Status);
                }

                break;
            default:
                var grant = await GrantAsync();
                var revoke = () => workflow.RevokeAsync(Approver(), grant.Id, text, Ct);
                if (accepted)
                {
                    await revoke();
                    Assert.Equal(text, (await store.GrantAsync(grant.Id, Ct))!.RevocationReason);
                }
                else
                {
                    await ExpectRefusal(SharingErrorCodes.ReasonInvalid, revoke);
                    Assert.Null((await store.GrantAsync(grant.Id, Ct))!.RevokedAt);
                }

                break;
        }
    }

    public static TheoryData<string> BadTexts => [.. BadText.Keys];

    // Built here, not passed as theory data: xunit serializes theory data as UTF-8, which turns an unpaired surrogate into U+FFFD.
    private static readonly Dictionary<string, string> BadText = new(StringComparer.Ordinal)
    {
        ["NUL"] = "Checking\0 registrations.",
        ["carriage return"] = "Checking\r\nregistrations.",
        ["escape"] = "Checking \u001b[31mregistrations.",
        ["unpaired surrogate"] = "Checking \ud800 registrations.",
        ["unpaired low surrogate"] = "Checking \udc00 registrations.",
        ["right-to-left override"] = "Checking \u202Esnoitartsiger.",
        ["first strong isolate"] = "Checking \u2068registrations\u2069.",
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Free_text_with_characters_that_do_not_display_as_themselves_is_refused_with_its_code(string @case)
    {
        var text = BadText[@case];
        var grant = await GrantAsync();
        var pending = await workflow.ApplyAsync(Applicant(Taxation), MaritalRecordsRequest(), Ct);

        var justification = await ExpectRefusal(SharingErrorCodes.JustificationInvalid, () => workflow.ApplyAsync(Applicant(), MaritalRecordsRequest() with { Justification = text }, Ct));
        await ExpectRefusal(SharingErrorCodes.ReasonInvalid, () => workflow.RefuseAsync(Approver(), pending.Id, text, Ct));
        await ExpectRefusal(SharingErrorCodes.ReasonInvalid, () => workflow.RevokeAsync(Approver(), grant.Id, text, Ct));

        Assert.True(justification.Message.Contains("U+", StringComparison.Ordinal), $"{@case}: {justification.Message}");
        Assert.DoesNotContain(text, justification.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.ApplicationsAsync(Visibility.All, null, null, Ct)).Count); // the grant's and the pending one: nothing else stored
        Assert.Equal(ApplicationStatus.Pending, (await store.ApplicationAsync(pending.Id, Ct))!.Status);
        Assert.Null((await store.GrantAsync(grant.Id, Ct))!.RevokedAt);
    }

    [Theory]
    [InlineData("330200-MZ-0012", true)]
    [InlineData("  330200-MZ-0012  ", true)] // trimmed, as a justification is
    [InlineData("A234567890123456789012345678901234567890123456789012345678901234", true)]
    [InlineData("A2345678901234567890123456789012345678901234567890123456789012345", false)]
    [InlineData("330200 MZ 0012", false)]
    [InlineData("事项-0012", false)]
    [InlineData("330200-MZ-0012\n", true)] // trailing whitespace is trimmed
    [InlineData("330200-\0-0012", false)]
    public async Task The_matter_of_an_application_is_a_matter_reference_as_a_requests_is(string matter, bool accepted)
    {
        var apply = () => workflow.ApplyAsync(Applicant(), MaritalRecordsRequest() with { Matter = matter }, Ct);

        if (accepted)
        {
            Assert.Equal(matter.Trim(), (await apply()).Matter);
        }
        else
        {
            await ExpectRefusal(SharingErrorCodes.MatterInvalid, apply);
            Assert.Empty(await store.ApplicationsAsync(Visibility.All, null, null, Ct));
        }
    }

    [Fact]
    public async Task An_unknown_resource_or_application_id_of_any_length_comes_back_clipped()
    {
        var id = new string('x', 100_000);

        var resource = await ExpectRefusal(SharingErrorCodes.ResourceNotFound, () => workflow.ApplyAsync(Applicant(), MaritalRecordsRequest() with { ResourceId = id }, Ct));

        Assert.True(resource.Message.Length < 200, resource.Message);
        Assert.True(((string)resource.Error.Extensions!["resource"]!).Length <= 65);
        Assert.True(SharingErrorCodes.UnknownApplication(id).Message.Length < 200);
        Assert.True(SharingErrorCodes.UnknownGrant(id).Message.Length < 200);
    }

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="length"/> characters (Unicode scalar values): Chinese, an emoji, a newline, a tab.</summary>
    private static string TextOf(int length)
    {
        var text = new System.Text.StringBuilder("婚姻登记核查😀\n\t");
        while (text.Length - 1 < length)
        {
            text.Append('查');
        }

        var built = text.ToString();
        return built[..(length + 1)]; // the emoji is two UTF-16 units and one character
    }

    private protected abstract Task<IShareStore> OpenStoreAsync();

    private protected async Task<Grant> GrantAsync()
    {
        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
        var approved = await workflow.ApproveAsync(Approver(), application.Id, null, null, null, Ct);
        return (await store.GrantAsync(approved.GrantId!.Value, Ct))!;
    }

    private protected static async Task<SharingException> ExpectRefusal<T>(string code, Func<Task<T>> action)
    {
        var refusal = await Assert.ThrowsAsync<SharingException>(action);
        Assert.Equal(code, refusal.Error.Extensions!["code"]);
        return refusal;
    }

    private static async Task<object?> Outcome<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (SharingException refusal)
        {
            return refusal;
        }
    }

    private static string? Code(object? outcome) => (outcome as SharingException)?.Error.Extensions?["code"] as string;

    private static Guid[] Ids(params ShareApplication[] applications) => [.. applications.Select(a => a.Id)];

    private static Guid[] Ids(IReadOnlyList<ShareApplication> applications) => [.. applications.Select(a => a.Id)];

    /// <summary>Records compare their lists by reference; this compares them by content.</summary>
    private sealed class ApplicationComparer : IEqualityComparer<ShareApplication?>
    {
        public static readonly ApplicationComparer Instance = new();

        public bool Equals(ShareApplication? x, ShareApplication? y) =>
            x is not null && y is not null && x.Purposes.SequenceEqual(y.Purposes) && x == y with { Purposes = x.Purposes };

        public int GetHashCode(ShareApplication? obj) => obj?.Id.GetHashCode() ?? 0;
    }
}

/// <summary>The conformance cases on the embedded store.</summary>
public sealed class InMemoryShareWorkflowTests : ShareWorkflowConformance
{
    private protected override Task<IShareStore> OpenStoreAsync() => Task.FromResult<IShareStore>(new InMemoryShareStore());
}

/// <summary>The conformance cases on PostgreSQL, each test in a schema of its own.</summary>
public sealed class PostgresShareWorkflowTests : ShareWorkflowConformance
{
    private SharingDatabase? database;

    public override async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private protected override async Task<IShareStore> OpenStoreAsync()
    {
        database = await SharingDatabase.CreateAsync();
        return database.Store();
    }
}
