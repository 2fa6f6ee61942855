using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Supergraph features the planner does not plan are refused with QUERY_PLANNING_FAILED naming the
/// coordinate, never answered wrongly; operations that do not touch them still plan.
/// </summary>
public sealed class UnplannedFeatureTests
{
    private static readonly FederatedGraph Nullability = FederatedGraph.Compose(
        ("cards", """
            type Query { wallet: [Card] }
            union Card = Bank | Transit
            type Bank @key(fields: "id") { id: ID! holder: String! @shareable }
            type Transit @key(fields: "id") { id: ID! holder: String @shareable }
            """),
        ("holders", """
            type Bank @key(fields: "id") { id: ID! holder: String @shareable }
            """));

    [Fact]
    public void One_member_alone_is_planned() => Nullability.ExpectPlan(
        """{ wallet { ... on Bank { holder } } }""");

    private static readonly FederatedGraph ProgressiveOverride = FederatedGraph.Compose(
        ("catalogue", """
            type Query { product(id: ID!): Product }
            type Product @key(fields: "id") { id: ID! name: String price: Int }
            """),
        ("pricing", """
            type Product @key(fields: "id") { id: ID! price: Int @override(from: "catalogue", label: "percent(20)") }
            """));

    [Fact]
    public void Fields_beside_a_progressive_override_still_plan() => ProgressiveOverride.ExpectPlan(
        """{ product(id: "1") { name } }""");

    [Fact]
    public void An_interface_field_a_member_resolves_only_where_it_cannot_be_looked_up_is_refused()
    {
        // "one" returns I and resolves I.x, but for its member B the field is resolved by "two" only.
        var schema = new PlanningSchema(SchemaBuilder.FromSdl("type Query { i: I } interface I { x: Int } type A implements I { x: Int } type B implements I { x: Int }"))
            .AddField("Query", "i", "one")
            .AddField("I", "x", "one")
            .AddMember("I", "A", "one")
            .AddMember("I", "B", "one")
            .AddField("A", "x", "one")
            .AddField("B", "x", "two");

        var exception = Assert.Throws<QueryPlanningException>(() => new QueryPlanner(schema).Plan(Parser.Parse("{ i { x } }"), null));

        Assert.Equal(
            "B.x is asked where subgraph \"one\" returns B, and no subgraph that resolves it can look B up by a key.",
            exception.Message);
    }
}
