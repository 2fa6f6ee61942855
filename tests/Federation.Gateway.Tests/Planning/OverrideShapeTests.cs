using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// @override shapes over a vehicle inspection register: a field taken over by another subgraph is
/// asked only there, on concrete types, through an interface and beside fields the old subgraph
/// keeps. Each plan in its snapshot, and every operation run end to end (the old subgraph answers the
/// overridden field wrongly on purpose, so asking it would show).
/// </summary>
public sealed class OverrideShapeTests
{
    private static readonly FederatedGraph Inspection = FederatedGraph.Compose(
        ("old", """
            type Query { vehicles: [Vehicle] car(id: ID!): Car }
            interface Vehicle { id: ID! inspected: Boolean }
            type Car implements Vehicle @key(fields: "id") { id: ID! inspected: Boolean make: String }
            type Truck implements Vehicle @key(fields: "id") { id: ID! inspected: Boolean axles: Int }
            """),
        ("new", """
            type Car @key(fields: "id") { id: ID! inspected: Boolean @override(from: "old") inspector: String }
            type Truck @key(fields: "id") { id: ID! inspected: Boolean @override(from: "old") }
            """));

    [Fact]
    public void An_overridden_field_of_a_concrete_type_is_asked_of_the_new_subgraph() => Inspection.ExpectPlan(
        """query ($id: ID!) { car(id: $id) { make inspected } }""");

    [Fact]
    public void An_overridden_field_through_an_interface_is_asked_per_member() => Inspection.ExpectPlan(
        """{ vehicles { id inspected } }""");

    [Fact]
    public void An_overridden_field_on_one_member_beside_a_field_the_old_subgraph_keeps() => Inspection.ExpectPlan(
        """{ vehicles { ... on Truck { axles inspected } ... on Car { make } } }""");

    [Fact]
    public void An_overridden_field_and_a_field_only_the_new_subgraph_has_share_one_fetch() => Inspection.ExpectPlan(
        """{ vehicles { ... on Car { inspected inspector } } }""");

    [Fact]
    public async Task Every_override_shape_end_to_end()
    {
        var vehicles = new Dictionary<string, Dictionary<string, object?>>
        {
            // The old subgraph's answers to the overridden field are stale (false): asking it would show.
            ["c1"] = Map(("__typename", "Car"), ("id", "c1"), ("inspected", false), ("make", "Geely")),
            ["t1"] = Map(("__typename", "Truck"), ("id", "t1"), ("inspected", false), ("axles", 3)),
        };
        await using var running = await Inspection.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["old"] = subgraph => subgraph
                .Bind("Query.vehicles", _ => Value(vehicles.Values.ToList<object?>()))
                .Bind("Query.car", context => Value(vehicles.GetValueOrDefault((string)context.Arguments["id"]!)))
                .Entity("Car", (representations, _) => Answer(representations.Select(r => (object?)vehicles.GetValueOrDefault(r.GetString("id")!))))
                .Entity("Truck", (representations, _) => Answer(representations.Select(r => (object?)vehicles.GetValueOrDefault(r.GetString("id")!)))),
            ["new"] = subgraph => subgraph
                .Entity("Car", (representations, _) => Echo(representations, ("inspected", true), ("inspector", "Zhou")))
                .Entity("Truck", (representations, _) => Echo(representations, ("inspected", true))),
        });

        Assert.Equal(
            """{"data":{"car":{"make":"Geely","inspected":true}}}""",
            await running.RunAsync("""query ($id: ID!) { car(id: $id) { make inspected } }""", """{"id":"c1"}"""));
        Assert.Equal(
            """{"data":{"vehicles":[{"id":"c1","inspected":true},{"id":"t1","inspected":true}]}}""",
            await running.RunAsync("""{ vehicles { id inspected } }"""));
        Assert.Equal(
            """{"data":{"vehicles":[{"make":"Geely"},{"axles":3,"inspected":true}]}}""",
            await running.RunAsync("""{ vehicles { ... on Truck { axles inspected } ... on Car { make } } }"""));
        Assert.Equal(
            """{"data":{"vehicles":[{"inspected":true,"inspector":"Zhou"},{}]}}""",
            await running.RunAsync("""{ vehicles { ... on Car { inspected inspector } } }"""));
    }
}
