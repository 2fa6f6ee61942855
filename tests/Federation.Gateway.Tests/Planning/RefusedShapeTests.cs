namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Shapes the planner cannot plan are refused with QUERY_PLANNING_FAILED and a message naming the
/// coordinate, never answered wrongly; the operations beside them still plan.
/// </summary>
public sealed class RefusedShapeTests
{
    private static readonly FederatedGraph SelfRequiring = FederatedGraph.Compose(
        ("a", """
            type Query { t: T }
            type T @key(fields: "id") { id: ID! y: Int @external x: Int @requires(fields: "y") }
            """),
        ("b", """
            type T @key(fields: "id") { id: ID! x: Int @external y: Int @requires(fields: "x") }
            """));

    [Fact]
    public void A_requirement_that_requires_the_requiring_field_in_turn_is_refused() =>
        Assert.Equal(
            "T.x in subgraph \"a\" @requires fields that require it in turn.",
            SelfRequiring.ExpectRefused("""{ t { x } }"""));

    [Fact]
    public void The_key_beside_a_requirement_cycle_still_plans() => SelfRequiring.ExpectPlan(
        """{ t { id } }""");
}
