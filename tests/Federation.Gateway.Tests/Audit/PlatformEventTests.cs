using System.Text.Json;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Events;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Record;
using Federation.Gateway.Sharing;
using Federation.Gateway.Sharing.Storage;
using Federation.Gateway.Tests.Reload;
using Federation.Gateway.Tests.Sharing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Audit;

/// <summary>The share workflow's changes in the audit trail: one event each, by whom, about which ids — no free text.</summary>
public sealed class ShareEventTests
{
    private readonly CapturingAuditTrail trail = new();
    private readonly ManualClock clock = new(Start);

    private ShareWorkflow Workflow() =>
        new(new InMemoryShareStore(), SharingWorld.Catalogue, new WorkingDayCalendar([], [], TimeSpan.FromHours(8)), new SharingOptions(), clock,
            new PlatformEvents(trail, NullLogger<PlatformEvents>.Instance, clock));

    [Fact]
    public async Task Applying_approving_and_revoking_are_recorded_with_their_ids_resource_agencies_purposes_and_period()
    {
        var workflow = Workflow();
        var cancellation = TestContext.Current.CancellationToken;

        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), cancellation);
        var approved = await workflow.ApproveAsync(Approver(), application.Id, [Purpose.DataVerification], null, null, cancellation);
        var revoked = await workflow.RevokeAsync(CompetentDepartment(), approved.GrantId!.Value, "The matter was closed.", cancellation);

        Assert.Equal(
            [PlatformEventNames.ApplicationSubmitted, PlatformEventNames.ApplicationApproved, PlatformEventNames.GrantRevoked],
            trail.Entries.Select(e => e.Event));
        Assert.All(trail.Entries, e => Assert.Equal((AuditKind.ShareEvent, (AuditOutcome?)null), (e.Kind, e.Outcome)));
        var (submitted, approval, revocation) = (trail.Entries[0], trail.Entries[1], trail.Entries[2]);
        Assert.Equal(("wang.fang", CivilAffairs), (submitted.User, submitted.Agency));
        Assert.Equal(application.Id.ToString(), submitted.Detail["application"]);
        Assert.Equal((MaritalRecords, CivilAffairs, PublicSecurity), (submitted.Detail["resource"], submitted.Detail["agency"], submitted.Detail["provider"]));
        Assert.Equal("ADMINISTRATIVE_BASIS,DATA_VERIFICATION", submitted.Detail["purposes"]);
        Assert.Equal(application.ValidFrom.ToString("O"), submitted.Detail["validFrom"]);
        Assert.Equal("330200-MZ-0012", submitted.Detail["matter"]);
        Assert.Null(submitted.Detail["grant"]);
        Assert.Equal(("li.qiang", PublicSecurity), (approval.User, approval.Agency));
        Assert.Equal((approved.GrantId.ToString(), "DATA_VERIFICATION", "APPROVED"), (approval.Detail["grant"], approval.Detail["purposes"], approval.Detail["status"]));
        Assert.Equal(("zhou.min", BigDataBureau), (revocation.User, revocation.Agency));
        Assert.Equal((revoked.Id.ToString(), application.Id.ToString(), "true"), (revocation.Detail["grant"], revocation.Detail["application"], revocation.Detail["byCompetentDepartment"]));

        // Free text may hold personal data: neither the justification nor a reason is recorded.
        var text = JsonSerializer.Serialize(trail.Entries);
        Assert.DoesNotContain("civil register", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The matter was closed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusing_and_withdrawing_are_recorded()
    {
        var workflow = Workflow();
        var cancellation = TestContext.Current.CancellationToken;
        var first = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), cancellation);
        var second = await workflow.ApplyAsync(Applicant(Taxation, "liu.yang"), MaritalRecordsRequest(), cancellation);

        await workflow.RefuseAsync(Approver(), first.Id, "Not within the conditions' purpose.", cancellation);
        await workflow.WithdrawAsync(Applicant(Taxation, "liu.yang"), second.Id, cancellation);

        Assert.Equal(
            [PlatformEventNames.ApplicationSubmitted, PlatformEventNames.ApplicationSubmitted, PlatformEventNames.ApplicationRefused, PlatformEventNames.ApplicationWithdrawn],
            trail.Entries.Select(e => e.Event));
        Assert.Equal((first.Id.ToString(), "REFUSED", "li.qiang"), (trail.Entries[2].Detail["application"], trail.Entries[2].Detail["status"], trail.Entries[2].User));
        Assert.Equal((second.Id.ToString(), "WITHDRAWN", Taxation), (trail.Entries[3].Detail["application"], trail.Entries[3].Detail["status"], trail.Entries[3].Agency));
    }

    [Fact]
    public async Task A_refused_step_records_nothing()
    {
        var workflow = Workflow();

        await Assert.ThrowsAsync<SharingException>(() => workflow.ApplyAsync(Applicant(), MaritalRecordsRequest() with { Justification = " " }, TestContext.Current.CancellationToken));

        Assert.Empty(trail.Entries);
    }

    /// <summary>The change is committed before its event: an unavailable trail does not undo it (the store keeps who decided), it is logged.</summary>
    [Fact]
    public async Task A_change_stands_when_the_trail_cannot_record_it()
    {
        var workflow = Workflow();
        trail.Unavailable = true;

        var application = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(ApplicationStatus.Pending, (await workflow.VisibleApplicationAsync(Applicant(), application.Id, TestContext.Current.CancellationToken))!.Status);
        Assert.Empty(trail.Entries);
    }
}

/// <summary>
/// The served gateway with an audit trail: every request recorded through the pipelines it builds
/// (subjects by hash from the committed catalogue's <c>subjects</c>), requests the authentication gate
/// refuses, AUDIT_UNAVAILABLE, and the operator's reloads with who asked.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class ServedAuditTests(ReloadSubgraphs subgraphs)
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Gateway:Reload:WatchFiles"] = "false",
        // The test registers its own trail; the gateway's own stays off.
        ["Audit:Enabled"] = "false",
    };

    private readonly CapturingAuditTrail trail = new();

    private Task<ReloadGateway> StartAsync() => ReloadGateway.StartAsync(subgraphs.Subgraphs, Settings, services: services =>
    {
        services.AddSingleton<IAuditTrail>(trail);
        services.AddSingleton<SubjectHash>(CapturingAuditTrail.Subjects);
    });

    [Fact]
    public async Task Served_requests_are_recorded_with_their_subjects_and_the_identifiers_stay_out_of_the_answers()
    {
        await using var gateway = await StartAsync();

        var names = await gateway.PostAsync("""{ persons(first: 3) { edges { node { name } } } }""", ReloadGateway.PublicSecurity);
        var identifiers = await gateway.PostAsync("""{ persons(first: 3) { edges { node { idNumber } } } }""", ReloadGateway.PublicSecurity);

        Assert.Equal((200, 200), (names.Status, identifiers.Status));
        Assert.Null(names.Body["errors"]);
        Assert.DoesNotContain("_audit", names.Text, StringComparison.Ordinal);
        var ids = identifiers.Data!["persons"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["idNumber"]!).ToList();
        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.DoesNotContain(id, names.Text, StringComparison.Ordinal));
        Assert.Equal(2, trail.Entries.Count);
        var entry = trail.Entries[0];
        Assert.Equal((AuditKind.Access, AuditOutcome.Served, "li.ming"), (entry.Kind, entry.Outcome, entry.User));
        Assert.Equal("127.0.0.1", entry.ClientAddress);
        Assert.Equal(ids.Select(CapturingAuditTrail.Subjects.Of).Order(), entry.Subjects.Select(s => s.Hash).Order());
        Assert.All(entry.Subjects, s => Assert.Equal("CITIZEN_ID", s.Kind));
        Assert.All(entry.Subjects, s => Assert.NotEmpty(s.Resources));
        Assert.Equal(entry.Subjects.Select(s => s.Hash).Order(), trail.Entries[1].Subjects.Select(s => s.Hash).Order());
        var text = JsonSerializer.Serialize(trail.Entries);
        Assert.All(ids, id => Assert.DoesNotContain(id, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subgraph_that_refuses_the_identifier_leaves_the_request_served_with_its_error_recorded()
    {
        await using var gateway = await StartAsync();

        // A check digit the population subgraph refuses: its error, no person, no subject.
        var answer = await gateway.PostAsync("""{ person(idNumber: "330203198001010011") { name } }""", ReloadGateway.PublicSecurity);

        Assert.Equal(200, answer.Status);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal((AuditOutcome.Served, "GRAPHQL_VALIDATION_FAILED"), (entry.Outcome, Assert.Single(entry.ErrorCodes)));
        Assert.Empty(entry.Subjects);
    }

    [Fact]
    public async Task A_request_the_gate_refuses_is_recorded_without_a_user()
    {
        await using var gateway = await StartAsync();

        var answer = await gateway.OperatorReloadAsync("not-a-token");

        Assert.Equal(401, answer.Status);
        var entry = Assert.Single(trail.Entries);
        Assert.Equal((AuditKind.Access, AuditOutcome.Refused, (string?)null), (entry.Kind, entry.Outcome, entry.User));
        Assert.Equal([AuthenticationErrorCodes.TokenInvalid], entry.ErrorCodes);
        Assert.Equal("127.0.0.1", entry.ClientAddress);
    }

    [Fact]
    public async Task An_unavailable_trail_answers_503_and_releases_no_data()
    {
        await using var gateway = await StartAsync();
        trail.Unavailable = true;

        var answer = await gateway.PostAsync("""{ persons(first: 3) { edges { node { name } } } }""", ReloadGateway.PublicSecurity);

        Assert.Equal(503, answer.Status);
        Assert.Null(answer.Data);
        Assert.Equal([RecordErrorCodes.AuditUnavailable], answer.Codes);
    }

    [Fact]
    public async Task The_operators_reloads_are_recorded_with_who_asked_and_a_refusals_codes()
    {
        await using var gateway = await StartAsync();
        File.WriteAllText(gateway.SupergraphFile, File.ReadAllText(gateway.SupergraphFile).Replace("The full standard address", "The whole standard address", StringComparison.Ordinal));
        var swapped = await gateway.OperatorReloadAsync(gateway.Tokens.For(ReloadGateway.CompetentDepartment));
        File.WriteAllText(gateway.CatalogueFile, "resources: [\n");
        var refused = await gateway.OperatorReloadAsync(gateway.Tokens.For(ReloadGateway.CompetentDepartment));

        Assert.Equal((200, 422), (swapped.Status, refused.Status));
        var events = trail.Entries.Where(e => e.Kind == AuditKind.Reload).ToList();
        Assert.Equal([PlatformEventNames.SupergraphReloaded, PlatformEventNames.ReloadRefused], events.Select(e => e.Event));
        Assert.All(events, e => Assert.Equal(("zhou.qing", "1133020035308641XG"), (e.User, e.Agency)));
        Assert.Equal(gateway.Reload.Status.SupergraphHash, events[0].Detail["supergraph"]);
        Assert.Contains("population", events[0].Detail["subgraphs"]!, StringComparison.Ordinal);
        Assert.Contains("CATALOGUE_INVALID_YAML", events[1].Detail["codes"]!, StringComparison.Ordinal);
        Assert.StartsWith("operator zhou.qing", events[1].Detail["trigger"], StringComparison.Ordinal);
    }
}
