using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.Extensions.Options;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// Arguments and input fields beyond the matrix: the modes, values that change between requests of
/// one document (plans and decisions are never reused across them), what does not count as use,
/// and the walk's cost on documents whose fragments double at every level.
/// </summary>
public sealed class ArgumentAuthorizationTests(ArgumentMatrixFixture fixture) : IClassFixture<ArgumentMatrixFixture>
{
    private const string Marital = "population.marital-status";

    [StringSyntax("graphql")]
    private const string ByFilter = "query($f: PersonFilter) { persons(filter: $f) { totalCount } }";

    private static readonly Caller Ningbo = Caller(NingboMarketSupervision, "330200");
    private static readonly StatedPurpose WorkReference = new(Purpose.WorkReference, null);

    private static CatalogueResource MaritalStatus() => Resource(
        Marital,
        ShareClass.Conditional,
        new ShareConditions([BeijingTaxBureau], [Purpose.WorkReference], ApplicationRequired: false, DivisionScoped: false, null),
        "PersonFilter.maritalStatus");

    [Fact]
    public async Task One_document_is_denied_or_served_by_each_requests_variable_values_in_either_order()
    {
        var gateway = fixture.Harness.Gateway(With(MaritalStatus()));

        foreach (var order in new[] { new[] { true, false, true }, new[] { false, true, false } })
        {
            foreach (var searchesByMaritalStatus in order)
            {
                var variables = searchesByMaritalStatus ? """{"f": {"maritalStatus": "DIVORCED", "gender": "FEMALE"}}""" : """{"f": {"gender": "FEMALE"}}""";

                var result = JsonNode.Parse((await AuthorizationHarness.RunAsync(gateway, Ningbo, WorkReference, ByFilter, variables)).ToJson())!;

                if (searchesByMaritalStatus)
                {
                    Assert.Null(result["data"]);
                    Assert.Equal(Marital, (string?)Assert.Single(result["errors"]!.AsArray())!["extensions"]!["resource"]);
                }
                else
                {
                    Assert.Equal(1, (int)result["data"]!["persons"]!["totalCount"]!);
                    Assert.Null(result["errors"]);
                }
            }
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("""{}""", false)]
    [InlineData("""{"f": null}""", false)]
    [InlineData("""{"f": {"gender": "FEMALE"}}""", false)]
    [InlineData("""{"f": {"maritalStatus": null}}""", true)]
    [InlineData("""{"f": {"maritalStatus": "MARRIED"}}""", true)]
    public async Task An_input_field_counts_when_the_request_provides_it_even_as_null_and_not_when_left_out(string? variables, bool denied)
    {
        var gateway = fixture.Harness.Gateway(With(MaritalStatus()));

        var result = JsonNode.Parse((await AuthorizationHarness.RunAsync(gateway, Ningbo, WorkReference, ByFilter, variables)).ToJson())!;

        Assert.Equal(denied, result["errors"] is not null);
    }

    [Fact]
    public async Task A_denied_argument_in_a_skipped_field_is_neither_reported_nor_refused()
    {
        var log = new DenialList();
        var gateway = fixture.Harness.Gateway(With(MaritalStatus()), mode: AuthorizationMode.Reject, log: log);

        var result = await AuthorizationHarness.RunAsync(
            gateway,
            Ningbo,
            WorkReference,
            """query($skip: Boolean = true) { persons(filter: {maritalStatus: DIVORCED}) @skip(if: $skip) { totalCount } person(idNumber: "110101199003074514") { idNumber } }""");

        Assert.Null(result.StatusCode);
        Assert.Empty(log.Denials);
    }

    [Fact]
    public async Task Reject_mode_refuses_a_request_that_searches_by_what_the_caller_may_not_read()
    {
        var log = new DenialList();
        var gateway = fixture.Harness.Gateway(With(MaritalStatus()), mode: AuthorizationMode.Reject, log: log);
        var population = fixture.Harness.Subgraphs.Count("population");

        var result = await AuthorizationHarness.RunAsync(gateway, Ningbo, WorkReference, ByFilter, """{"f": {"maritalStatus": "DIVORCED"}}""");

        Assert.Equal(403, result.StatusCode);
        var error = Assert.Single(JsonNode.Parse(result.ToJson())!["errors"]!.AsArray())!;
        Assert.Equal("[\"persons\"]", error["path"]!.ToJsonString());
        Assert.Equal(AuthorizationErrorCodes.AgencyNotPermitted, (string?)error["extensions"]!["code"]);
        Assert.Equal(Marital, (string?)error["extensions"]!["resource"]);
        Assert.Equal(Marital, Assert.Single(log.Denials).Resource);
        Assert.Equal(population, fixture.Harness.Subgraphs.Count("population"));
    }

    [Fact]
    public async Task Dry_run_serves_the_search_and_logs_the_would_be_denial()
    {
        var log = new DenialList();
        var gateway = fixture.Harness.Gateway(With(MaritalStatus()), mode: AuthorizationMode.DryRun, log: log);

        var result = JsonNode.Parse((await AuthorizationHarness.RunAsync(gateway, Ningbo, WorkReference, ByFilter, """{"f": {"maritalStatus": "DIVORCED"}}""")).ToJson())!;

        Assert.Equal(1, (int)result["data"]!["persons"]!["totalCount"]!);
        var denial = Assert.Single(log.Denials);
        Assert.Equal((Marital, AuthorizationErrorCodes.AgencyNotPermitted, false, "persons"), (denial.Resource, denial.Code, denial.Enforced, denial.PathText));
    }

    [Fact]
    public async Task A_field_denied_for_its_own_resource_reports_that_resource_before_its_arguments()
    {
        var listing = Resource("population.listing", ShareClass.Conditional, new ShareConditions([BeijingTaxBureau], [Purpose.WorkReference], false, false, null), "Query.persons");
        var gateway = fixture.Harness.Gateway(With(MaritalStatus(), listing));

        var result = JsonNode.Parse((await AuthorizationHarness.RunAsync(gateway, Ningbo, WorkReference, """{ persons(filter: {maritalStatus: DIVORCED}) { totalCount } }""")).ToJson())!;

        Assert.Equal("population.listing", (string?)Assert.Single(result["errors"]!.AsArray())!["extensions"]!["resource"]);
    }

    /// <summary>F0 spreads F1 twice, F1 spreads F2 twice, … : 2^30 paths to the innermost field, 30 fragments to analyse.</summary>
    private static string Doubling(int levels, string innermost)
    {
        var text = new StringBuilder("query { ...F0 }\n");
        for (var i = 0; i < levels; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}\n");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"fragment F{levels} on Query {{ {innermost} }}\n");
        return text.ToString();
    }

    [Fact]
    public async Task The_walk_is_linear_in_the_document_for_fragments_doubling_at_thirty_levels()
    {
        const int Levels = 30;
        var text = Doubling(Levels, $$"""persons(filter: {maritalStatus: DIVORCED}) { totalCount } person(idNumber: "{{LiHua}}") { idNumber residenceAddress }""");
        var document = Parser.Parse(text);
        var selections = Levels * 2 + 1 + 2 + 4;
        var residence = Resource(TestCatalogue.Residence, ShareClass.Conditional, new ShareConditions([BeijingTaxBureau], [Purpose.WorkReference], false, false, null), "Person.residenceAddress");
        var catalogue = With(MaritalStatus(), residence);
        var fields = new CatalogueFields(PlanHarness.Supergraph.Api, catalogue);

        var analysis = OperationFields.Of(document, null, fields)!;
        var visited = 0;
        var walked = SelectionConditions.Walk(analysis, null, (_, _) => ++visited > 0);

        Assert.InRange(analysis.Steps, selections, 3 * selections);
        Assert.InRange(walked, Levels * 2, 3 * selections);
        Assert.Equal(5, visited);

        var log = new DenialList();
        var authorizer = new ShareAuthorization(catalogue, new GrantList(), Options.Create(new AuthorizationOptions { Mode = AuthorizationMode.Filter }), log, TimeProvider.System)
            .For(PlanHarness.Supergraph.Api);
        var request = new GatewayRequest(document, QueryPlanCache.Hash(text), null, null, new GatewayCaller(NingboMarketSupervision, "WORK_REFERENCE", null))
        {
            Identity = Ningbo,
            Purpose = WorkReference,
        };
        var authorized = await authorizer.AuthorizeAsync(request, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Each denied field node is reported once, on the first path that reaches it.
        Assert.Equal(["persons", "person.residenceAddress"], log.Denials.Select(d => d.PathText));
        var filtered = authorized.DocumentToPlan(document, null);
        Assert.Equal(Levels + 2, filtered.Definitions.Count);
        Assert.Equal(Levels + 1, filtered.Definitions.OfType<FragmentDefinitionNode>().Count());
        Assert.DoesNotContain("persons", Printer.Print(filtered), StringComparison.Ordinal);
        Assert.DoesNotContain("residenceAddress", Printer.Print(filtered), StringComparison.Ordinal);
        Assert.InRange(Printer.Print(filtered).Length, 1, 2 * text.Length);
    }

    [Fact]
    public void A_variable_used_at_every_level_of_doubling_fragments_is_walked_once_per_place()
    {
        const int Levels = 30;
        var text = Doubling(Levels, "persons(filter: $f) { totalCount }").Replace("query {", "query($f: PersonFilter) {", StringComparison.Ordinal);
        var document = Parser.Parse(text);
        var fields = new CatalogueFields(PlanHarness.Supergraph.Api, With(MaritalStatus()));
        var analysis = OperationFields.Of(document, null, fields)!;
        var arguments = new ArgumentUse(analysis, fields, new Dictionary<string, object?> { ["f"] = new Dictionary<string, object?> { ["maritalStatus"] = "DIVORCED" } });
        var decisions = analysis.Resources.Select(r => r.Id == Marital ? AccessDecision.AgencyNotPermitted : AccessDecision.Allowed).ToArray();

        var denied = analysis.Fields.Select(f => arguments.FirstDenied(f, decisions)).ToList();

        Assert.Equal(Marital, analysis.Resources[Assert.Single(denied, d => d >= 0)].Id);
        Assert.InRange(arguments.Steps, 1, 4);
    }
}
