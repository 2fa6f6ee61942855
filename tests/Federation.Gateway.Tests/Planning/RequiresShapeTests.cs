using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// @requires shapes over a land register: scalar, nested and union requirements, chains through
/// three and four subgraphs, requirements alternating between two subgraphs, on members of an
/// interface, under @skip/@include, in serial mutations and under client aliases. Each plan in its snapshot,
/// and every operation run end to end against subgraphs that fail when a required field is missing.
/// </summary>
public sealed class RequiresShapeTests
{
    private static readonly FederatedGraph Land = FederatedGraph.Compose(
        ("land", """
            type Query { parcels: [Parcel] parcel(id: ID!): Parcel structures: [Structure] }
            type Mutation { resurvey(id: ID!, area: Int!): Parcel }
            type Parcel @key(fields: "id") { id: ID! area: Int zone: String geometry: Geometry holder: Holder }
            type Geometry @shareable { width: Int depth: Int }
            union Holder = Person | Company
            type Person @shareable { name: String age: Int }
            type Company @shareable { legalName: String employees: Int }
            interface Structure { id: ID! floors: Int }
            type House implements Structure @key(fields: "id") { id: ID! floors: Int rooms: Int }
            type Shed implements Structure @key(fields: "id") { id: ID! floors: Int volume: Int }
            """),
        ("tax", """
            type Parcel @key(fields: "id") {
              id: ID!
              area: Int @external
              zone: String @external
              geometry: Geometry @external
              holder: Holder @external
              levy: Int @requires(fields: "area zone")
              frontage: Int @requires(fields: "geometry { width }")
              rebate: Int @requires(fields: "holder { ... on Person { age } ... on Company { employees } }")
              assessed: Boolean
            }
            type Geometry @shareable { width: Int depth: Int }
            union Holder = Person | Company
            type Person @shareable { name: String age: Int }
            type Company @shareable { legalName: String employees: Int }
            interface Rated { rate: Int }
            type House implements Rated @key(fields: "id") { id: ID! rooms: Int @external rate: Int @requires(fields: "rooms") }
            type Shed implements Rated @key(fields: "id") { id: ID! volume: Int @external rate: Int @requires(fields: "volume") }
            """),
        ("valuation", """
            type Parcel @key(fields: "id") { id: ID! levy: Int @external value: Int @requires(fields: "levy") }
            """),
        ("audit", """
            type Parcel @key(fields: "id") { id: ID! value: Int @external flagged: Boolean @requires(fields: "value") }
            """));

    [Fact]
    public void Two_scalar_requirements_from_the_root_list() => Land.ExpectPlan(
        """{ parcels { id levy } }""");

    [Fact]
    public void A_required_field_the_client_also_selects_is_fetched_once() => Land.ExpectPlan(
        """{ parcels { area zone levy } }""");

    [Fact]
    public void A_required_field_the_client_selects_under_an_alias_is_also_fetched_by_its_name() => Land.ExpectPlan(
        """{ parcels { size: area levy } }""");

    [Fact]
    public void The_requiring_field_under_a_client_alias() => Land.ExpectPlan(
        """{ parcels { due: levy } }""");

    [Fact]
    public void Requirements_of_a_single_entity_root_field_with_an_argument() => Land.ExpectPlan(
        """query ($id: ID!) { parcel(id: $id) { levy frontage } }""");

    [Fact]
    public void A_nested_requirement_merges_with_the_client_selection_of_the_same_object() => Land.ExpectPlan(
        """{ parcels { geometry { depth } frontage } }""");

    [Fact]
    public void Two_requiring_fields_of_one_subgraph_share_its_fetch() => Land.ExpectPlan(
        """{ parcels { levy frontage assessed } }""");

    [Fact]
    public void A_requirement_with_fragments_on_the_members_of_a_union() => Land.ExpectPlan(
        """{ parcels { holder { ... on Person { name } } rebate } }""");

    [Fact]
    public void A_chain_of_requires_through_three_subgraphs() => Land.ExpectPlan(
        """{ parcels { value } }""");

    [Fact]
    public void A_chain_of_requires_through_four_subgraphs_with_every_link_selected() => Land.ExpectPlan(
        """{ parcels { id levy value flagged } }""");

    [Fact]
    public void Requires_on_the_members_of_an_interface_selected_by_fragments() => Land.ExpectPlan(
        """{ structures { id floors ... on House { rate } ... on Shed { rate } } }""");

    [Fact]
    public void Requires_on_one_member_of_an_interface_only() => Land.ExpectPlan(
        """{ structures { ... on Shed { rate } } }""");

    [Fact]
    public void Requires_under_skip_on_the_requiring_field() => Land.ExpectPlan(
        """query ($quick: Boolean!) { parcels { id levy @skip(if: $quick) } }""");

    [Fact]
    public void Requires_under_include_on_a_fragment_around_a_chain() => Land.ExpectPlan(
        """query ($full: Boolean!) { parcels { id ... @include(if: $full) { value } } }""");

    [Fact]
    public void Requires_in_both_fields_of_a_serial_mutation_run_after_each_mutation() => Land.ExpectPlan(
        """mutation { first: resurvey(id: "p1", area: 300) { levy } second: resurvey(id: "p2", area: 50) { levy value } }""");

    private static readonly FederatedGraph Alternating = FederatedGraph.Compose(
        ("permits", """
            type Query { permits: [Permit] }
            type Permit @key(fields: "id") { id: ID! fee: Int stage: Int @external total: Int @requires(fields: "stage") }
            """),
        ("workflow", """
            type Permit @key(fields: "id") { id: ID! fee: Int @external stage: Int @requires(fields: "fee") }
            """));

    [Fact]
    public void Requires_alternating_between_two_subgraphs() => Alternating.ExpectPlan(
        """{ permits { total } }""");

    [Fact]
    public async Task Every_requires_shape_end_to_end()
    {
        await using var running = await Land.StartAsync(LandBindings());

        Assert.Equal(
            """{"data":{"parcels":[{"id":"p1","levy":100},{"id":"p2","levy":750}]}}""",
            await running.RunAsync("""{ parcels { id levy } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"area":100,"zone":"R","levy":100},{"area":250,"zone":"C","levy":750}]}}""",
            await running.RunAsync("""{ parcels { area zone levy } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"size":100,"levy":100},{"size":250,"levy":750}]}}""",
            await running.RunAsync("""{ parcels { size: area levy } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"due":100},{"due":750}]}}""",
            await running.RunAsync("""{ parcels { due: levy } }"""));
        Assert.Equal(
            """{"data":{"parcel":{"levy":750,"frontage":50}}}""",
            await running.RunAsync("""query ($id: ID!) { parcel(id: $id) { levy frontage } }""", """{"id":"p2"}"""));
        Assert.Equal(
            """{"data":{"parcels":[{"geometry":{"depth":20},"frontage":20},{"geometry":{"depth":10},"frontage":50}]}}""",
            await running.RunAsync("""{ parcels { geometry { depth } frontage } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"levy":100,"frontage":20,"assessed":true},{"levy":750,"frontage":50,"assessed":true}]}}""",
            await running.RunAsync("""{ parcels { levy frontage assessed } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"holder":{"name":"Wang Fang"},"rebate":70},{"holder":{},"rebate":12}]}}""",
            await running.RunAsync("""{ parcels { holder { ... on Person { name } } rebate } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"value":1000},{"value":7500}]}}""",
            await running.RunAsync("""{ parcels { value } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"id":"p1","levy":100,"value":1000,"flagged":false},{"id":"p2","levy":750,"value":7500,"flagged":true}]}}""",
            await running.RunAsync("""{ parcels { id levy value flagged } }"""));
        Assert.Equal(
            """{"data":{"structures":[{"id":"h1","floors":2,"rate":40},{"id":"s1","floors":1,"rate":9}]}}""",
            await running.RunAsync("""{ structures { id floors ... on House { rate } ... on Shed { rate } } }"""));
        Assert.Equal(
            """{"data":{"structures":[{},{"rate":9}]}}""",
            await running.RunAsync("""{ structures { ... on Shed { rate } } }"""));
        Assert.Equal(
            """{"data":{"parcels":[{"id":"p1"},{"id":"p2"}]}}""",
            await running.RunAsync("""query ($quick: Boolean!) { parcels { id levy @skip(if: $quick) } }""", """{"quick":true}"""));
        Assert.Equal(
            """{"data":{"parcels":[{"id":"p1","levy":100},{"id":"p2","levy":750}]}}""",
            await running.RunAsync("""query ($quick: Boolean!) { parcels { id levy @skip(if: $quick) } }""", """{"quick":false}"""));
        Assert.Equal(
            """{"data":{"parcels":[{"id":"p1","value":1000},{"id":"p2","value":7500}]}}""",
            await running.RunAsync("""query ($full: Boolean!) { parcels { id ... @include(if: $full) { value } } }""", """{"full":true}"""));
        Assert.Equal(
            """{"data":{"parcels":[{"id":"p1"},{"id":"p2"}]}}""",
            await running.RunAsync("""query ($full: Boolean!) { parcels { id ... @include(if: $full) { value } } }""", """{"full":false}"""));
        Assert.Equal(
            """{"data":{"first":{"levy":300},"second":{"levy":150,"value":1500}}}""",
            await running.RunAsync("""mutation { first: resurvey(id: "p1", area: 300) { levy } second: resurvey(id: "p2", area: 50) { levy value } }"""));
    }

    [Fact]
    public async Task Requires_alternating_between_two_subgraphs_end_to_end()
    {
        await using var running = await Alternating.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["permits"] = subgraph => subgraph
                .Bind("Query.permits", _ => Value(new List<object?> { Map(("id", "a"), ("fee", 30)), Map(("id", "b"), ("fee", 80)) }))
                .Entity("Permit", (representations, _) => Echo(representations))
                .Bind("Permit.total", c => Value(Need(c, "stage") * 100)),
            ["workflow"] = subgraph => subgraph
                .Entity("Permit", (representations, _) => Echo(representations))
                .Bind("Permit.stage", c => Value(Need(c, "fee") > 50 ? 2 : 1)),
        });

        Assert.Equal("""{"data":{"permits":[{"total":100},{"total":200}]}}""", await running.RunAsync("""{ permits { total } }"""));
    }

    private static readonly FederatedGraph SideBySide = FederatedGraph.Compose(
        ("land", """
            type Query { parcels: [Parcel] }
            type Parcel @key(fields: "id") { id: ID! area: Int }
            """),
        ("soil", """
            type Parcel @key(fields: "id") { id: ID! grade: Int }
            """),
        ("tax", """
            type Parcel @key(fields: "id") { id: ID! area: Int @external grade: Int @external levy: Int @requires(fields: "area grade") }
            """));

    [Fact]
    public void A_requirement_two_other_subgraphs_give_is_fetched_from_both_first() => SideBySide.ExpectPlan(
        """{ parcels { levy } }""");

    [Fact]
    public async Task A_requirement_two_other_subgraphs_give_end_to_end()
    {
        await using var running = await SideBySide.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["land"] = subgraph => subgraph
                .Bind("Query.parcels", _ => Value(new List<object?> { Map(("id", "p1"), ("area", 100)), Map(("id", "p2"), ("area", 40)) }))
                .Entity("Parcel", (representations, _) => Echo(representations)),
            ["soil"] = subgraph => subgraph
                .Entity("Parcel", (representations, _) => Echo(representations, ("grade", 2))),
            ["tax"] = subgraph => subgraph
                .Entity("Parcel", (representations, _) => Echo(representations))
                .Bind("Parcel.levy", c => Value(Need(c, "area") * Need(c, "grade"))),
        });

        Assert.Equal("""{"data":{"parcels":[{"levy":200},{"levy":80}]}}""", await running.RunAsync("""{ parcels { levy } }"""));
    }

    private static Dictionary<string, Func<Subgraph, Subgraph>> LandBindings()
    {
        var parcels = new Dictionary<string, Dictionary<string, object?>>
        {
            ["p1"] = Map(("id", "p1"), ("area", 100), ("zone", "R"), ("geometry", Map(("width", 10), ("depth", 20))), ("holder", Map(("__typename", "Person"), ("name", "Wang Fang"), ("age", 70)))),
            ["p2"] = Map(("id", "p2"), ("area", 250), ("zone", "C"), ("geometry", Map(("width", 25), ("depth", 10))), ("holder", Map(("__typename", "Company"), ("legalName", "Huaxin"), ("employees", 12)))),
        };
        var structures = new Dictionary<string, Dictionary<string, object?>>
        {
            ["h1"] = Map(("__typename", "House"), ("id", "h1"), ("floors", 2), ("rooms", 4)),
            ["s1"] = Map(("__typename", "Shed"), ("id", "s1"), ("floors", 1), ("volume", 3)),
        };
        return new()
        {
            ["land"] = subgraph => subgraph
                .Bind("Query.parcels", _ => Value(parcels.Values.ToList<object?>()))
                .Bind("Query.parcel", context => Value(parcels.GetValueOrDefault((string)context.Arguments["id"]!)))
                .Bind("Query.structures", _ => Value(structures.Values.ToList<object?>()))
                .Bind("Mutation.resurvey", context =>
                {
                    // Each answer a copy with the new area, so the second mutation cannot change the first's answer.
                    var parcel = new Dictionary<string, object?>(parcels[(string)context.Arguments["id"]!]) { ["area"] = context.Arguments["area"] };
                    parcels[(string)context.Arguments["id"]!] = parcel;
                    return Value(parcel);
                })
                .Entity("Parcel", (representations, _) => Answer(representations.Select(r => (object?)parcels.GetValueOrDefault(r.GetString("id")!))))
                .Entity("House", (representations, _) => Answer(representations.Select(r => (object?)structures.GetValueOrDefault(r.GetString("id")!))))
                .Entity("Shed", (representations, _) => Answer(representations.Select(r => (object?)structures.GetValueOrDefault(r.GetString("id")!)))),
            ["tax"] = subgraph => subgraph
                .Entity("Parcel", (representations, _) => Echo(representations, ("assessed", true)))
                .Bind("Parcel.levy", c => Value(Need(c, "area") * (NeedText(c, "zone") == "C" ? 3 : 1)))
                .Bind("Parcel.frontage", c => Value(Convert.ToInt32(NeedObject(c, "geometry")["width"]) * 2))
                .Bind("Parcel.rebate", c => Value(NeedObject(c, "holder") is var holder && holder.TryGetValue("age", out var age)
                    ? Convert.ToInt32(age)
                    : Convert.ToInt32(holder["employees"])))
                .Entity("House", (representations, _) => Echo(representations))
                .Bind("House.rate", c => Value(Need(c, "rooms") * 10))
                .Entity("Shed", (representations, _) => Echo(representations))
                .Bind("Shed.rate", c => Value(Need(c, "volume") * 3)),
            ["valuation"] = subgraph => subgraph
                .Entity("Parcel", (representations, _) => Echo(representations))
                .Bind("Parcel.value", c => Value(Need(c, "levy") * 10)),
            ["audit"] = subgraph => subgraph
                .Entity("Parcel", (representations, _) => Echo(representations))
                .Bind("Parcel.flagged", c => Value(Need(c, "value") > 5000)),
        };
    }
}
