using System.Text.Json;
using System.Text.Json.Nodes;
using Federation.Gateway.Audit;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Tests.Authorization;
using static Federation.Gateway.Tests.Authorization.AuthorizationMatrixTests;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The 360 cases of the decision matrix (<see cref="AuthorizationMatrixTests"/>), recorded: each
/// request leaves exactly one access record in which the item under test (Person.residenceAddress)
/// shows up with the decision the share conditions make — allowed, allowed within the division, or
/// denied once per response path with its code — and with the grant that allowed it; Li Hua is a data
/// subject of the record, by hash, with the item's resource exactly when the item was read; the
/// identifiers are nowhere in clear and the answer never shows the gateway's reserved aliases. Each
/// trail runs the same cases: <see cref="AuditedMatrixTests"/> the entries as the trail is handed them,
/// <see cref="AuditedMatrixPostgresTests"/> the records as PostgreSQL stores them and the reading API reads them back.
/// </summary>
public abstract class AuditedMatrixCases(AuthorizationMatrixFixture fixture)
{
    private const string Item = "Person.residenceAddress";

    /// <summary>A trail for one case's gateway.</summary>
    internal abstract IAuditTrail Trail();

    /// <summary>The entries the case's request left in <paramref name="trail"/> (it started at <paramref name="since"/>).</summary>
    internal abstract Task<IReadOnlyList<AuditEntry>> EntriesAsync(IAuditTrail trail, DateTimeOffset since);

    public static TheoryData<ShareCase, GrantCase, PurposeCase, AgencyCase, DivisionCase, QueryShape> Cases() => AuthorizationMatrixTests.Cases();

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(AuditedMatrixCases))]
    public async Task Every_allowed_and_denied_item_is_recorded_with_its_decision_grant_and_subject(
        ShareCase share, GrantCase grant, PurposeCase purpose, AgencyCase agency, DivisionCase division, QueryShape shape)
    {
        var (entry, result, grants) = await RunAsync(share, grant, purpose, agency, division, shape, AuthorizationMode.Filter);

        var code = ExpectedCode(share, grant, purpose, agency, division);
        var read = code is null or AuthorizationErrorCodes.OutsideJurisdiction;
        var recorded = entry.Fields.Where(f => f.Resource == Residence).ToList();
        Assert.All(recorded, f => Assert.Equal(Item, f.Coordinate));
        Assert.All(recorded, f => Assert.Equal(ClassOf(share), f.Class));
        if (read)
        {
            var field = Assert.Single(recorded);
            var conditional = share == ShareCase.ListedWithApplicationInDivision && agency != AgencyCase.Provider;
            Assert.Equal(conditional ? FieldDecision.AllowedWithinDivision : FieldDecision.Allowed, field.Decision);
            Assert.Equal(conditional ? grants.All.Single().Id : null, field.Grant);
            Assert.Null(field.Code);
            Assert.Null(field.Path);
            Assert.Equal(code is null ? AuditOutcome.Served : AuditOutcome.PartlyDenied, entry.Outcome);
        }
        else
        {
            Assert.Equal(DeniedPaths(shape).Order(), recorded.Select(f => f.Path!).Order());
            Assert.All(recorded, f => Assert.Equal(FieldDecision.Denied, f.Decision));
            Assert.All(recorded, f => Assert.Equal(code, f.Code));
            Assert.All(recorded, f => Assert.Null(f.Grant));
            Assert.Equal(AuditOutcome.PartlyDenied, entry.Outcome);
        }

        // The base items are unconditional: allowed, no grant, once per coordinate however often they are read.
        Assert.All(entry.Fields.Where(f => f.Resource == Base), f => Assert.Equal((FieldDecision.Allowed, (Guid?)null, (string?)null), (f.Decision, f.Grant, f.Path)));
        Assert.Equal(entry.Fields.Where(f => f.Path is null).Select(f => f.Coordinate).Distinct().Count(), entry.Fields.Count(f => f.Path is null));

        var liHua = CapturingAuditTrail.Subjects.Of(LiHua);
        Assert.Equal(code is null, entry.Subjects.Any(s => s.Kind == "CITIZEN_ID" && s.Hash == liHua && s.Resources.Contains(Residence)));
        Assert.DoesNotContain(entry.Subjects, s => s.Hash != liHua && s.Resources.Contains(Residence));
        Assert.Equal(entry.Subjects.Count, entry.Subjects.Select(s => (s.Kind, s.Hash)).Distinct().Count());

        var text = JsonSerializer.Serialize(entry);
        Assert.DoesNotContain(LiHua, text, StringComparison.Ordinal);
        Assert.DoesNotContain(HarbourCompany, text, StringComparison.Ordinal);
        Assert.DoesNotContain(OperationAudit.SubjectAliasPrefix, result, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentFilter.DivisionAliasPrefix, result, StringComparison.Ordinal);
    }

    /// <summary>The same decisions in dry-run mode: each would-be denial is recorded as such, per path, and the item — served — counts for the subject.</summary>
    [Theory]
    [InlineData(ShareCase.NotShared, GrantCase.None, PurposeCase.Permitted, AgencyCase.Listed, DivisionCase.Inside, QueryShape.Plain)]
    [InlineData(ShareCase.AnyAgency, GrantCase.None, PurposeCase.None, AgencyCase.Other, DivisionCase.Inside, QueryShape.NamedFragment)]
    [InlineData(ShareCase.ListedWithApplicationInDivision, GrantCase.Expired, PurposeCase.Permitted, AgencyCase.Listed, DivisionCase.Inside, QueryShape.UnionMember)]
    [InlineData(ShareCase.ListedWithApplicationInDivision, GrantCase.OtherPurpose, PurposeCase.Permitted, AgencyCase.Listed, DivisionCase.Inside, QueryShape.List)]
    [InlineData(ShareCase.ListedWithApplicationInDivision, GrantCase.Active, PurposeCase.Permitted, AgencyCase.Listed, DivisionCase.Outside, QueryShape.NestedEntity)]
    public async Task Dry_run_denials_are_recorded_as_dry_run_denials(
        ShareCase share, GrantCase grant, PurposeCase purpose, AgencyCase agency, DivisionCase division, QueryShape shape)
    {
        var (entry, _, _) = await RunAsync(share, grant, purpose, agency, division, shape, AuthorizationMode.DryRun);

        var code = ExpectedCode(share, grant, purpose, agency, division);
        var denied = entry.Fields.Where(f => f.Resource == Residence && f.Path is not null).ToList();
        Assert.Equal(DeniedPaths(shape).Order(), denied.Select(f => f.Path!).Order());
        Assert.All(denied, f => Assert.Equal((FieldDecision.DryRunDenied, code), (f.Decision, f.Code)));
        Assert.Equal(AuditOutcome.Served, entry.Outcome);
        Assert.Contains(entry.Subjects, s => s.Hash == CapturingAuditTrail.Subjects.Of(LiHua) && s.Resources.Contains(Residence));
    }

    private async Task<(AuditEntry Entry, string Result, GrantList Grants)> RunAsync(
        ShareCase share, GrantCase grant, PurposeCase purpose, AgencyCase agency, DivisionCase division, QueryShape shape, AuthorizationMode mode)
    {
        var caller = Caller(
            agency switch { AgencyCase.Provider => PopulationBureau, AgencyCase.Listed => NingboMarketSupervision, _ => BeijingTaxBureau },
            division == DivisionCase.Inside ? "330200" : "110000");
        var stated = purpose switch
        {
            PurposeCase.None => null,
            PurposeCase.Permitted => new StatedPurpose(Purpose.WorkReference, null),
            _ => new StatedPurpose(Purpose.BusinessCollaboration, "330200-XK-001"),
        };
        var grants = Grants(grant, caller.Agency);
        var trail = Trail();
        var since = DateTimeOffset.UtcNow;
        var gateway = fixture.Harness.Gateway(With(Item(share)), grants, mode, trail: trail);

        var result = await AuthorizationHarness.RunAsync(gateway, caller, stated, Query(shape));

        var entry = Assert.Single(await EntriesAsync(trail, since));
        Assert.Equal(AuditKind.Access, entry.Kind);
        Assert.Equal((caller.User, caller.Agency, caller.Division), (entry.User, entry.Agency, entry.Division));
        Assert.Equal((stated?.Purpose.WireName(), stated?.Matter), (entry.Purpose, entry.Matter));
        Assert.Equal(Federation.Gateway.Planning.QueryPlanCache.Hash(Query(shape)), entry.DocumentHash);
        return (entry, result.ToJson(), grants);
    }

    /// <summary>
    /// The paths of the operation the item is answered at, as authorization notes its denials — once per
    /// field of the document, so without list indices (<c>licences.edges.node.holder.residenceAddress</c>).
    /// </summary>
    private List<string> DeniedPaths(QueryShape shape) =>
        [.. PathsOf(fixture.Unauthorized[shape]["data"]!, shape == QueryShape.Alias ? "home" : "residenceAddress")
            .Select(path => string.Join('.', path.Where(p => p!.GetValueKind() == JsonValueKind.String).Select(p => p!.GetValue<string>())))
            .Distinct()];

    private static string ClassOf(ShareCase share) => share switch
    {
        ShareCase.Unconditional => "UNCONDITIONAL",
        ShareCase.NotShared => "NOT_SHARED",
        _ => "CONDITIONAL",
    };
}

/// <summary>The decision matrix recorded into an in-memory trail: the entries as the gateway hands them over.</summary>
public sealed class AuditedMatrixTests(AuthorizationMatrixFixture fixture) : AuditedMatrixCases(fixture), IClassFixture<AuthorizationMatrixFixture>
{
    internal override IAuditTrail Trail() => new CapturingAuditTrail();

    internal override Task<IReadOnlyList<AuditEntry>> EntriesAsync(IAuditTrail trail, DateTimeOffset since) =>
        Task.FromResult(((CapturingAuditTrail)trail).Entries);
}
