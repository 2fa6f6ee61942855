using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types.Building;
using static Federation.Gateway.Tests.Planning.PlanHarness;

namespace Federation.Gateway.Tests.Planning;

/// <summary>What the fetches send: operation texts, the variables they use, and plans that cannot be made.</summary>
public sealed class FetchOperationTests
{
    [Fact]
    public void Fetches_declare_only_the_variables_they_use_and_entity_fetches_take_representations()
    {
        var plan = Plan(
            """
            query Holdings($id: IdNumber!, $first: Int = 10) {
              person(idNumber: $id) { name licences(first: $first) { totalCount } }
            }
            """);

        var fetches = Fetches(plan.Root!).ToList();
        Assert.Equal(2, fetches.Count);
        Assert.Equal(["id"], fetches[0].VariableUsages);
        Assert.Equal(
            """
            query Holdings__population__0($id: IdNumber!) {
              person(idNumber: $id) {
                name
                __typename
                idNumber
              }
            }
            """,
            fetches[0].OperationText);
        Assert.Equal(["first"], fetches[1].VariableUsages);
        Assert.Equal(
            """
            query Holdings__licences__1($representations: [_Any!]!, $first: Int = 10) {
              _entities(representations: $representations) {
                ... on Person {
                  licences(first: $first) {
                    totalCount
                  }
                }
              }
            }
            """,
            fetches[1].OperationText);
    }

    [Fact]
    public void Anonymous_mutations_send_mutation_operations()
    {
        var plan = Plan("""mutation ($death: RecordDeathInput!) { recordDeath(input: $death) { person { name } } }""");

        var fetch = Assert.IsType<FetchNode>(plan.Root);
        Assert.Equal(OperationType.Mutation, fetch.Operation);
        Assert.StartsWith("mutation ($death: RecordDeathInput!) {", fetch.OperationText);
    }

    [Fact]
    public void A_field_no_subgraph_can_reach_is_a_planning_error()
    {
        // A is known to both subgraphs only by reference: "two" resolves A.b but cannot look A up.
        var schema = new PlanningSchema(SchemaBuilder.FromSdl("type Query { a: A } type A { id: ID! b: String }"))
            .AddField("Query", "a", "one")
            .AddKey("A", "one", "id", resolvable: false)
            .AddField("A", "id", "one")
            .AddKey("A", "two", "id", resolvable: false)
            .AddField("A", "id", "two")
            .AddField("A", "b", "two");

        var exception = Assert.Throws<QueryPlanningException>(() => new QueryPlanner(schema).Plan(Parser.Parse("{ a { id b } }"), null));

        Assert.Equal("A.b is asked where subgraph \"one\" returns A, and no subgraph that resolves it can look A up by a key.", exception.Message);
        Assert.Equal(PlanningErrorCodes.QueryPlanningFailed, PlanningErrorCodes.PlanningFailed(exception).Extensions!["code"]);
    }

    [Fact]
    public void An_alias_that_takes_the_name_of_a_key_field_is_refused_rather_than_sent_as_the_key()
    {
        var exception = Assert.Throws<QueryPlanningException>(() => Plan(
            """{ person(idNumber: "110101199003074514") { idNumber: name licences { totalCount } } }"""));

        Assert.Equal(
            "The response name \"idNumber\" is an alias of name here, and the gateway needs it for idNumber; choose another alias.",
            exception.Message);
    }

    [Fact]
    public void A_fragment_on_a_member_the_subgraph_does_not_know_is_left_out_of_its_fetch()
    {
        // Subgraph "one" returns only A where it returns U, so "... on B" cannot match anything it returns.
        var schema = new PlanningSchema(SchemaBuilder.FromSdl("type Query { u: U } union U = A | B type A { x: Int } type B { y: Int }"))
            .AddField("Query", "u", "one")
            .AddType("U", "one")
            .AddMember("U", "A", "one")
            .AddField("A", "x", "one")
            .AddField("B", "y", "two");

        var plan = new QueryPlanner(schema).Plan(Parser.Parse("{ u { ... on A { x } ... on B { y } } }"), null);

        Assert.Equal(
            """
            QueryPlan {
              Fetch(service: "one") {
                {
                  u {
                    __typename
                    ... on A {
                      x
                    }
                  }
                }
              },
            }
            """,
            QueryPlanPrinter.Print(plan));
    }

    [Theory]
    [InlineData(true, null, true, true)]
    [InlineData(true, null, false, false)]
    [InlineData(true, false, true, false)]
    [InlineData(true, true, false, true)]
    [InlineData(false, true, false, false)]
    [InlineData(false, null, false, true)]
    public void A_condition_reads_its_variable_and_else_the_default(bool include, bool? given, bool defaultValue, bool holds)
    {
        var condition = new ConditionNode("x", include, defaultValue, new SequenceNode([]));
        var variables = given is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["x"] = given };

        Assert.Equal(holds, condition.Holds(variables));
    }

    private static IEnumerable<FetchNode> Fetches(PlanNode node) => node switch
    {
        FetchNode fetch => [fetch],
        FlattenNode flatten => Fetches(flatten.Node),
        ConditionNode condition => Fetches(condition.Node),
        SequenceNode sequence => sequence.Nodes.SelectMany(Fetches),
        ParallelNode parallel => parallel.Nodes.SelectMany(Fetches),
        _ => [],
    };
}
