using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Requests;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// Share authorization through the gateway over the fake subgraphs: modes, callers without a
/// token, Non-Null propagation, @skip/@include, plans per caller, grants revoked mid-session.
/// </summary>
public sealed class AuthorizationTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string Residence = $$"""{ person(idNumber: "{{LiHua}}") { idNumber residenceAddress } }""";

    private static readonly Caller NingboCaller = Caller(NingboMarketSupervision, "330200");
    private static readonly StatedPurpose WorkReference = new(Purpose.WorkReference, null);

    private static CatalogueResource ConditionalResidence(bool divisionScoped = false) => Resource(
        TestCatalogue.Residence,
        ShareClass.Conditional,
        new ShareConditions([NingboMarketSupervision], [Purpose.WorkReference], ApplicationRequired: false, divisionScoped, null),
        "Person.residenceAddress");

    private AuthorizationHarness Harness => fixture.Harness;

    /// <summary>Compares JSON texts as JSON, whatever characters either side escapes.</summary>
    private static void AssertJson([StringSyntax("json")] string expected, string actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());

    [Fact]
    public async Task Rows_outside_the_callers_division_are_nulled_and_rows_inside_are_served()
    {
        var gateway = Harness.Gateway(With(ConditionalResidence(divisionScoped: true)));
        var population = Harness.Subgraphs.Count("population");

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            NingboCaller,
            WorkReference,
            $$"""
            {
              ningbo: person(idNumber: "{{LiHua}}") { name residenceAddress }
              beijing: person(idNumber: "{{WangFang}}") { name residenceAddress }
            }
            """);

        AssertJson(
            """{"errors":[{"message":"Resource \"population.person-residence\" is read only within the agency's administrative division; this row lies outside it.","locations":[{"line":3,"column":58}],"path":["beijing","residenceAddress"],"extensions":{"code":"OUTSIDE_JURISDICTION","resource":"population.person-residence"}}],"data":{"ningbo":{"name":"李华","residenceAddress":"浙江省宁波市海曙区中山西路1号"},"beijing":{"name":"王芳","residenceAddress":null}}}""",
            result.ToJson());
        var request = Assert.Single(Harness.RequestsSince("population", population));
        Assert.Contains("_authorizationDivisionOfPerson: registeredDivision", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denied_Non_Null_field_nulls_its_parent_with_one_error()
    {
        var gateway = Harness.Gateway(With(Resource("population.person-birth", ShareClass.NotShared, null, "Person.birthDate")));

        var result = await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, $$"""{ person(idNumber: "{{LiHua}}") { name birthDate } }""");

        var response = JsonNode.Parse(result.ToJson())!;
        Assert.Equal("""{"person":null}""", response["data"]!.ToJsonString());
        var error = Assert.Single(response["errors"]!.AsArray());
        Assert.Equal("""["person","birthDate"]""", error!["path"]!.ToJsonString());
        Assert.Equal(AuthorizationErrorCodes.AgencyNotPermitted, (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_root_selection_left_empty_is_planned_as_typename_asks_no_subgraph_and_a_Non_Null_root_nulls_data()
    {
        var gateway = Harness.Gateway(With(Resource("licences.register", ShareClass.NotShared, null, "Query.licences")));
        var arrivals = Harness.Subgraphs.Arrivals.Count;

        var result = await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, """{ licences(first: 2) { totalCount } }""");

        AssertJson(
            """{"errors":[{"message":"Resource \"licences.register\" is not shared with other agencies.","locations":[{"line":1,"column":3}],"path":["licences"],"extensions":{"code":"AGENCY_NOT_PERMITTED","resource":"licences.register"}}],"data":null}""",
            result.ToJson());
        Assert.Equal(arrivals, Harness.Subgraphs.Arrivals.Count);
    }

    [Fact]
    public async Task Only_the_outermost_denied_field_is_reported()
    {
        var gateway = Harness.Gateway(With(
            Resource("population.person-residence-standard", ShareClass.NotShared, null, "Person.residenceStandardAddress"),
            Resource("spatial.address-text", ShareClass.NotShared, null, "Address.text")));

        var result = await AuthorizationHarness.RunAsync(
            gateway, NingboCaller, WorkReference, $$"""{ person(idNumber: "{{LiHua}}") { name residenceStandardAddress { text } } }""");

        var response = JsonNode.Parse(result.ToJson())!;
        AssertJson("""{"person":{"name":"李华","residenceStandardAddress":null}}""", response["data"]!.ToJsonString());
        var error = Assert.Single(response["errors"]!.AsArray());
        Assert.Equal("population.person-residence-standard", (string?)error!["extensions"]!["resource"]);
    }

    [Fact]
    public async Task Reject_mode_fails_the_whole_request_with_403_and_every_denied_path_and_asks_no_subgraph()
    {
        var log = new DenialList();
        var gateway = Harness.Gateway(With(ConditionalResidence()), mode: AuthorizationMode.Reject, log: log);
        var arrivals = Harness.Subgraphs.Arrivals.Count;

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            Caller(BeijingTaxBureau, "110000"),
            WorkReference,
            """{ licences(first: 10) { edges { node { number holder { ... on Person { name residenceAddress } } } } } }""");

        Assert.Equal(403, result.StatusCode);
        Assert.False(result.HasData);
        AssertJson(
            """{"errors":[{"message":"Resource \"population.person-residence\" is not shared with agency 11110000MB0000003C.","locations":[{"line":1,"column":77}],"path":["licences","edges","node","holder","residenceAddress"],"extensions":{"code":"AGENCY_NOT_PERMITTED","resource":"population.person-residence"}}]}""",
            result.ToJson());
        Assert.Equal(arrivals, Harness.Subgraphs.Arrivals.Count);
        Assert.Equal(nameof(AuthorizationMode.Reject), Assert.Single(log.Denials).Mode);
    }

    [Fact]
    public async Task Reject_mode_serves_a_request_with_nothing_denied()
    {
        var gateway = Harness.Gateway(With(ConditionalResidence()), mode: AuthorizationMode.Reject);

        var result = await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, Residence);

        Assert.Null(result.StatusCode);
        AssertJson("""{"data":{"person":{"idNumber":"110101199003074514","residenceAddress":"浙江省宁波市海曙区中山西路1号"}}}""", result.ToJson());
    }

    [Fact]
    public async Task Dry_run_serves_as_sent_and_logs_each_would_be_denial_with_who_why_where_and_what()
    {
        var log = new DenialList();
        var gateway = Harness.Gateway(With(ConditionalResidence()), mode: AuthorizationMode.DryRun, log: log);
        var caller = Caller(BeijingTaxBureau, "110000", user: "li.si");

        var result = await AuthorizationHarness.RunAsync(gateway, caller, new StatedPurpose(Purpose.WorkReference, "110000-SW-7"), Residence);

        AssertJson("""{"data":{"person":{"idNumber":"110101199003074514","residenceAddress":"浙江省宁波市海曙区中山西路1号"}}}""", result.ToJson());
        var denial = Assert.Single(log.Denials);
        Assert.Equal(
            new AccessDenial(BeijingTaxBureau, "li.si", "WORK_REFERENCE", "110000-SW-7", denial.Path, TestCatalogue.Residence, AuthorizationErrorCodes.AgencyNotPermitted, nameof(AuthorizationMode.DryRun), Enforced: false)
            {
                Coordinate = "Person.residenceAddress",
            },
            denial);
        Assert.Equal("person.residenceAddress", denial.PathText);
        Assert.False(denial.Enforced);
    }

    [Fact]
    public async Task Dry_run_serves_rows_outside_the_division_and_logs_each_with_its_path()
    {
        var log = new DenialList();
        var gateway = Harness.Gateway(With(ConditionalResidence(divisionScoped: true)), mode: AuthorizationMode.DryRun, log: log);

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            NingboCaller,
            WorkReference,
            $$"""
            {
              ningbo: person(idNumber: "{{LiHua}}") { residenceAddress }
              beijing: person(idNumber: "{{WangFang}}") { residenceAddress }
            }
            """);

        AssertJson(
            """{"data":{"ningbo":{"residenceAddress":"浙江省宁波市海曙区中山西路1号"},"beijing":{"residenceAddress":"北京市东城区东华门街道1号"}}}""",
            result.ToJson());
        var denial = Assert.Single(log.Denials);
        Assert.Equal(("beijing.residenceAddress", AuthorizationErrorCodes.OutsideJurisdiction, false), (denial.PathText, denial.Code, denial.Enforced));
    }

    [Fact]
    public async Task Filter_mode_hands_its_denials_to_the_log_too()
    {
        var log = new DenialList();
        var gateway = Harness.Gateway(With(ConditionalResidence()), log: log);

        await AuthorizationHarness.RunAsync(gateway, NingboCaller, null, Residence);

        var denial = Assert.Single(log.Denials);
        Assert.Equal((AuthorizationErrorCodes.PurposeRequired, true), (denial.Code, denial.Enforced));
    }

    [Fact]
    public async Task Without_a_token_a_catalogue_field_refuses_the_whole_request_with_401()
    {
        var gateway = Harness.Gateway(With());
        var arrivals = Harness.Subgraphs.Arrivals.Count;

        var result = await AuthorizationHarness.RunAsync(gateway, null, null, $$"""{ person(idNumber: "{{LiHua}}") { name } }""");

        Assert.Equal(401, result.StatusCode);
        AssertJson(
            """{"errors":[{"message":"Sign in: without a bearer token only the catalogue's public part may be read.","extensions":{"code":"UNAUTHENTICATED"}}]}""",
            result.ToJson());
        Assert.Equal(arrivals, Harness.Subgraphs.Arrivals.Count);
    }

    [Fact]
    public async Task Without_a_token_introspection_and_skipped_catalogue_fields_are_served()
    {
        var gateway = Harness.Gateway(With());

        var introspection = await AuthorizationHarness.RunAsync(gateway, null, null, """{ __schema { queryType { name } } __typename }""");
        var skipped = await AuthorizationHarness.RunAsync(
            gateway, null, null, $$"""query ($withPerson: Boolean = false) { __typename person(idNumber: "{{LiHua}}") @include(if: $withPerson) { name } }""");

        AssertJson("""{"data":{"__schema":{"queryType":{"name":"Query"}},"__typename":"Query"}}""", introspection.ToJson());
        AssertJson("""{"data":{"__typename":"Query"}}""", skipped.ToJson());
    }

    [Theory]
    [InlineData("""{"withResidence":false}""", false)]
    [InlineData("""{"withResidence":true}""", true)]
    public async Task A_denied_field_that_skip_or_include_leaves_out_is_not_denied(string variables, bool denied)
    {
        var log = new DenialList();
        var gateway = Harness.Gateway(With(ConditionalResidence()), mode: AuthorizationMode.Reject, log: log);

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            Caller(BeijingTaxBureau, "110000"),
            WorkReference,
            $$"""
            query ($withResidence: Boolean!) {
              person(idNumber: "{{LiHua}}") { name ... @include(if: $withResidence) { residenceAddress } }
            }
            """,
            variables);

        Assert.Equal(denied ? 403 : null, result.StatusCode);
        Assert.Equal(denied ? 1 : 0, log.Denials.Count);
        if (!denied)
        {
            AssertJson("""{"data":{"person":{"name":"李华"}}}""", result.ToJson());
        }
    }

    [Fact]
    public async Task Callers_decided_differently_get_different_plans_and_callers_decided_alike_share_one()
    {
        var gateway = Harness.Gateway(With(ConditionalResidence()));
        var population = Harness.Subgraphs.Count("population");

        var provider = await AuthorizationHarness.RunAsync(gateway, Caller(PopulationBureau, "330000"), null, Residence);
        var other = await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110000"), WorkReference, Residence);
        var listed = await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, Residence);
        var otherAgain = await AuthorizationHarness.RunAsync(gateway, Caller(BeijingTaxBureau, "110100", user: "wang.wu"), WorkReference, Residence);

        Assert.Equal("浙江省宁波市海曙区中山西路1号", (string?)JsonNode.Parse(provider.ToJson())!["data"]!["person"]!["residenceAddress"]);
        Assert.Equal("浙江省宁波市海曙区中山西路1号", (string?)JsonNode.Parse(listed.ToJson())!["data"]!["person"]!["residenceAddress"]);
        foreach (var denied in new[] { other, otherAgain })
        {
            var response = JsonNode.Parse(denied.ToJson())!;
            Assert.Null(response["data"]!["person"]!["residenceAddress"]);
            Assert.Equal(AuthorizationErrorCodes.AgencyNotPermitted, (string?)response["errors"]![0]!["extensions"]!["code"]);
        }

        Assert.Equal(2, gateway.Plans.Count);
        var bodies = Harness.RequestsSince("population", population);
        Assert.Equal([true, false, true, false], bodies.Select(body => body.Contains("residenceAddress", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_grant_revoked_mid_session_denies_the_next_request()
    {
        var now = DateTimeOffset.UtcNow;
        var grant = Grant(NingboMarketSupervision, TestCatalogue.Residence, Purpose.WorkReference, now.AddDays(-1), now.AddDays(30));
        var grants = new GrantList(grant);
        var gateway = Harness.Gateway(
            With(Resource(
                TestCatalogue.Residence,
                ShareClass.Conditional,
                new ShareConditions(null, [Purpose.WorkReference], ApplicationRequired: true, DivisionScoped: false, null),
                "Person.residenceAddress")),
            grants);

        var before = await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, Residence);
        grants.Revoke(grant.Id, DateTimeOffset.UtcNow);
        var after = await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, Residence);

        Assert.Equal("浙江省宁波市海曙区中山西路1号", (string?)JsonNode.Parse(before.ToJson())!["data"]!["person"]!["residenceAddress"]);
        var denied = JsonNode.Parse(after.ToJson())!;
        Assert.Null(denied["data"]!["person"]!["residenceAddress"]);
        Assert.Equal(AuthorizationErrorCodes.ShareGrantRequired, (string?)denied["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_grant_book_is_asked_only_when_a_decision_needs_a_grant()
    {
        var grants = new GrantList();
        var gateway = Harness.Gateway(With(ConditionalResidence()), grants);

        await AuthorizationHarness.RunAsync(gateway, NingboCaller, WorkReference, Residence);

        Assert.Equal(0, grants.Asked);
    }
}
