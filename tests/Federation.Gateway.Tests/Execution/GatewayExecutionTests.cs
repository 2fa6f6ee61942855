using System.Text.Json.Nodes;
using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.Gateway.Tests.Planning;
using Federation.Testing;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Execution;

/// <summary>The gateway over four fake agency subgraphs on Kestrel: merged answers, batching, and subgraphs that fail.</summary>
public sealed class GatewayExecutionTests
{
    [Fact]
    public async Task Licence_holder_legal_persons_and_parcels_merge_from_four_subgraphs()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync(
            """
            {
              licence(number: "L-1") {
                number
                holder {
                  __typename
                  ... on Person {
                    name
                    representedLegalPersons {
                      edges { node { name parcels { totalCount edges { node { unitCode areaSquareMetres } } } } }
                    }
                  }
                }
              }
            }
            """);

        Assert.Equal(
            """{"data":{"licence":{"number":"L-1","holder":{"__typename":"Person","name":"李华","representedLegalPersons":{"edges":[{"node":{"name":"宁波港务有限公司","parcels":{"totalCount":1,"edges":[{"node":{"unitCode":"330203001001GB00001","areaSquareMetres":1250.5}}]}}}]}}}}}""",
            result.ToJson());
        foreach (var subgraph in new[] { "licences", "population", "legal-persons", "spatial" })
        {
            Assert.Equal(1, gateway.Subgraphs.Count(subgraph));
            Assert.Equal([GatewayHarness.Caller.Agency], gateway.Subgraphs.CallerAgencies[subgraph]);
        }
    }

    [Fact]
    public async Task GeoJSON_geometries_pass_through_the_gateway()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync($$"""{ legalPerson(creditCode: "{{HarbourCompany}}") { parcels { edges { node { unitCode boundary } } } } }""");

        Assert.Equal(
            """{"data":{"legalPerson":{"parcels":{"edges":[{"node":{"unitCode":"330203001001GB00001","boundary":{"type":"Polygon","coordinates":[[[121.5,29.8],[121.6,29.8],[121.6,29.9],[121.5,29.8]]]}}}]}}}}""",
            result.ToJson());
    }

    [Fact]
    public async Task A_list_of_holders_is_one_request_per_subgraph_with_each_entity_once()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync(
            """
            {
              licences(first: 10) {
                edges { node { number holder { ... on Person { name } ... on LegalPerson { name kind } } } }
              }
            }
            """);

        Assert.Equal(
            """{"data":{"licences":{"edges":[{"node":{"number":"L-1","holder":{"name":"李华"}}},{"node":{"number":"L-2","holder":{"name":"宁波港务有限公司","kind":"ENTERPRISE"}}},{"node":{"number":"L-3","holder":{"name":"李华"}}}]}}}""",
            result.ToJson());
        Assert.Equal(1, gateway.Subgraphs.Count("licences"));
        Assert.Equal(1, gateway.Subgraphs.Count("legal-persons"));
        var population = Assert.Single(gateway.Subgraphs.Requests["population"]);
        Assert.Single(Representations(population));
        Assert.Equal(0, gateway.Subgraphs.Count("spatial"));
    }

    [Fact]
    public async Task Entity_fetches_of_one_subgraph_at_two_paths_go_as_one_request()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync(
            $$"""
            {
              a: person(idNumber: "{{LiHua}}") { licences { totalCount } }
              b: person(idNumber: "{{WangFang}}") { licences { totalCount } }
            }
            """);

        Assert.Equal("""{"data":{"a":{"licences":{"totalCount":2}},"b":{"licences":{"totalCount":0}}}}""", result.ToJson());
        var licences = Assert.Single(gateway.Subgraphs.Requests["licences"]);
        Assert.Equal(2, Representations(licences).Count);
    }

    [Fact]
    public async Task Independent_fetches_run_at_the_same_time()
    {
        // Each subgraph answers only once the other has been asked: fetches made one after the
        // other would leave the first waiting until it fails.
        var populationAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var licencesAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gateway = await GatewayHarness.StartAsync(arrivals: new Dictionary<string, Func<Task>>
        {
            ["population"] = () => { populationAsked.TrySetResult(); return licencesAsked.Task.WaitAsync(TimeSpan.FromSeconds(20)); },
            ["licences"] = () => { licencesAsked.TrySetResult(); return populationAsked.Task.WaitAsync(TimeSpan.FromSeconds(20)); },
        });

        var result = await gateway.RunAsync($$"""{ person(idNumber: "{{LiHua}}") { name } licence(number: "L-2") { holderName } }""");

        Assert.Equal("""{"data":{"person":{"name":"李华"},"licence":{"holderName":"宁波港务有限公司"}}}""", result.ToJson());
    }

    [Fact]
    public async Task Aliases_typename_and_field_order_follow_the_query()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync(
            $$"""
            {
              __typename
              second: person(idNumber: "{{WangFang}}") { g: gender n: name }
              first: person(idNumber: "{{LiHua}}") { name __typename }
            }
            """);

        Assert.Equal(
            """{"data":{"__typename":"Query","second":{"g":"FEMALE","n":"王芳"},"first":{"name":"李华","__typename":"Person"}}}""",
            result.ToJson());
        Assert.Equal(1, gateway.Subgraphs.Count("population"));
    }

    [Fact]
    public async Task Include_on_a_variable_asks_the_subgraph_only_when_it_holds()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        const string query = $$"""
            query ($withLicences: Boolean!) {
              person(idNumber: "{{LiHua}}") { name licences @include(if: $withLicences) { totalCount } }
            }
            """;

        var without = await gateway.RunAsync(query, """{"withLicences":false}""");
        Assert.Equal("""{"data":{"person":{"name":"李华"}}}""", without.ToJson());
        Assert.Equal(0, gateway.Subgraphs.Count("licences"));

        var with = await gateway.RunAsync(query, """{"withLicences":true}""");
        Assert.Equal("""{"data":{"person":{"name":"李华","licences":{"totalCount":2}}}}""", with.ToJson());
        Assert.Equal(1, gateway.Subgraphs.Count("licences"));
        Assert.Equal(1, gateway.Plans.Count);
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_the_other()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync(
            $$"""
            mutation {
              correctPerson(input: { idNumber: "{{LiHua}}", reason: "objection 17", name: "李华" }) { changedFields person { name } }
              correctLicence(input: { number: "L-1", reason: "objection 17", holderName: "李华" }) {
                changedFields
                licence { number holder { ... on Person { name } } }
              }
            }
            """);

        Assert.Equal(
            """{"data":{"correctPerson":{"changedFields":["name"],"person":{"name":"李华"}},"correctLicence":{"changedFields":["holderName"],"licence":{"number":"L-1","holder":{"name":"李华"}}}}}""",
            result.ToJson());
        Assert.Equal(["population", "licences", "population"], gateway.Subgraphs.Arrivals);
    }

    [Fact]
    public async Task Introspection_and_root_typename_ask_no_subgraph()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync("""{ __typename __type(name: "LicenceHolder") { kind possibleTypes { name } } }""");

        Assert.Equal(
            """{"data":{"__typename":"Query","__type":{"kind":"UNION","possibleTypes":[{"name":"Person"},{"name":"LegalPerson"}]}}}""",
            result.ToJson());
        Assert.Empty(gateway.Subgraphs.Arrivals);
    }

    [Fact]
    public async Task Variables_that_do_not_coerce_ask_no_subgraph()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync("""query ($id: IdNumber!) { person(idNumber: $id) { name } }""", "{}");

        Assert.False(result.HasData);
        Assert.StartsWith("""{"errors":[{"message":"Variable \"$id\" has invalid value""", result.ToJson());
        Assert.Equal(0, gateway.Subgraphs.Count("population"));
    }

    [Fact]
    public async Task A_subgraph_that_is_down_costs_only_its_fields()
    {
        await using var gateway = await GatewayHarness.StartAsync(new Dictionary<string, SubgraphBehaviour> { ["population"] = SubgraphBehaviour.Down });

        var result = await gateway.RunAsync(
            $$"""
            {
              person(idNumber: "{{LiHua}}") { name }
              licence(number: "L-1") { number holderName }
            }
            """);

        Snapshots.MatchJson(result.ToJson());
    }

    [Fact]
    public async Task A_failed_non_null_field_nulls_its_nearest_nullable_parent()
    {
        await using var gateway = await GatewayHarness.StartAsync(new Dictionary<string, SubgraphBehaviour> { ["population"] = SubgraphBehaviour.Down });

        var result = await gateway.RunAsync("""{ licence(number: "L-1") { number holder { ... on Person { name } } } }""");

        Snapshots.MatchJson(result.ToJson());
        Assert.Equal(1, gateway.Subgraphs.Count("licences"));
    }

    [Fact]
    public async Task A_slow_subgraph_times_out_and_the_rest_comes_back()
    {
        await using var gateway = await GatewayHarness.StartAsync(
            new Dictionary<string, SubgraphBehaviour> { ["spatial"] = SubgraphBehaviour.Slow },
            new Dictionary<string, TimeSpan> { ["spatial"] = TimeSpan.FromSeconds(1) });

        var result = await gateway.RunAsync($$"""{ person(idNumber: "{{LiHua}}") { name residenceStandardAddress { text } } }""");

        Snapshots.MatchJson(result.ToJson());
    }

    [Fact]
    public async Task A_subgraph_answering_garbage_costs_only_its_fields()
    {
        await using var gateway = await GatewayHarness.StartAsync(new Dictionary<string, SubgraphBehaviour> { ["legal-persons"] = SubgraphBehaviour.Garbage });

        var result = await gateway.RunAsync(
            $$"""
            {
              person(idNumber: "{{WangFang}}") { name }
              legalPerson(creditCode: "{{HarbourCompany}}") { name }
            }
            """);

        Snapshots.MatchJson(result.ToJson());
    }

    [Fact]
    public async Task A_subgraph_answering_500_is_unavailable_for_its_entity_fields()
    {
        await using var gateway = await GatewayHarness.StartAsync(new Dictionary<string, SubgraphBehaviour> { ["legal-persons"] = SubgraphBehaviour.ServerError });

        var result = await gateway.RunAsync(
            """
            {
              licencesByNumbers(numbers: ["L-1", "L-2", "L-3"]) {
                number
                holder { ... on Person { name } ... on LegalPerson { name } }
              }
            }
            """);

        // Legal person names are non-null, and so are a licence's holder: the nearest nullable
        // position is the licence in the list.
        Assert.Equal(
            """{"licencesByNumbers":[{"number":"L-1","holder":{"name":"李华"}},null,{"number":"L-3","holder":{"name":"李华"}}]}""",
            Data(result));
        Assert.Equal([("licencesByNumbers.1.holder.name", "SUBGRAPH_UNAVAILABLE", "legal-persons")], Errors(result));
    }

    [Fact]
    public async Task A_subgraph_redirecting_is_not_followed_and_costs_only_its_fields()
    {
        // Following it would send the signed request, the caller and the query's variables (an
        // identity number, say) wherever the subgraph points.
        await using var gateway = await GatewayHarness.StartAsync(new Dictionary<string, SubgraphBehaviour> { ["legal-persons"] = SubgraphBehaviour.Redirect });

        var result = await gateway.RunAsync(
            $$"""
            {
              person(idNumber: "{{WangFang}}") { name }
              legalPerson(creditCode: "{{HarbourCompany}}") { name }
            }
            """);

        Assert.Equal("""{"person":{"name":"王芳"},"legalPerson":null}""", Data(result));
        Assert.Equal([("legalPerson", "SUBGRAPH_UNAVAILABLE", "legal-persons")], Errors(result));
        Assert.Contains("HTTP 307", result.ToJson(), StringComparison.Ordinal);
        Assert.Single(gateway.Subgraphs.Requests["legal-persons"]);
    }

    [Fact]
    public async Task Field_errors_of_a_subgraph_land_on_the_gateway_paths()
    {
        await using var gateway = await GatewayHarness.StartAsync();

        var result = await gateway.RunAsync(
            $$"""
            {
              person(idNumber: "{{LiHua}}") { phone }
              legalPerson(creditCode: "{{HarbourCompany}}") { name legalRepresentative { name phone } }
            }
            """);

        Assert.Equal(
            """{"person":{"phone":null},"legalPerson":{"name":"宁波港务有限公司","legalRepresentative":{"name":"李华","phone":null}}}""",
            Data(result));
        Assert.Equal(
            [("person.phone", null, "population"), ("legalPerson.legalRepresentative.phone", null, "population")],
            Errors(result));
        Assert.All(JsonNode.Parse(result.ToJson())!["errors"]!.AsArray(), e => Assert.Equal("The telephone register is offline.", (string?)e!["message"]));
    }

    [Fact]
    public async Task The_plan_comes_back_in_extensions_when_asked_for()
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var query = $$"""{ person(idNumber: "{{LiHua}}") { name licences { totalCount } } }""";

        var result = await gateway.RunAsync(query, exposePlan: true);

        var json = JsonNode.Parse(result.ToJson())!;
        Assert.Equal("""{"person":{"name":"李华","licences":{"totalCount":2}}}""", json["data"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(QueryPlanPrinter.Print(PlanHarness.Plan(query)), (string?)json["extensions"]!["queryPlan"]);
        Assert.Null(JsonNode.Parse((await gateway.RunAsync(query)).ToJson())!["extensions"]);
    }

    private static List<JsonNode?> Representations(string body) =>
        [.. JsonNode.Parse(body)!["variables"]!["representations"]!.AsArray()];

    private static string Data(GatewayResult result) =>
        JsonNode.Parse(result.ToJson())!["data"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Each error as (path joined with dots, extensions.code, extensions.subgraph).</summary>
    private static List<(string Path, string? Code, string? Subgraph)> Errors(GatewayResult result) =>
        [.. (JsonNode.Parse(result.ToJson())!["errors"]?.AsArray() ?? []).Select(e => (
            string.Join('.', e!["path"]!.AsArray().Select(p => p!.ToString())),
            (string?)e["extensions"]?["code"],
            (string?)e["extensions"]?["subgraph"]))];
}
