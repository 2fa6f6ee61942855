using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Deep hops over five subgraphs of a permit process: a chain of entity hops one subgraph after
/// another, back to a subgraph already asked, and branches that run in parallel at each depth.
/// Each plan in its snapshot, and every operation run end to end.
/// </summary>
public sealed class DeepHopShapeTests
{
    private static readonly FederatedGraph Process = FederatedGraph.Compose(
        ("applications", """
            type Query { applications: [Application] }
            type Application @key(fields: "id") { id: ID! applicant: Person }
            type Person @key(fields: "id", resolvable: false) { id: ID! }
            """),
        ("people", """
            type Person @key(fields: "id") { id: ID! name: String household: Household }
            type Household @key(fields: "id", resolvable: false) { id: ID! }
            """),
        ("households", """
            type Household @key(fields: "id") { id: ID! address: String dwelling: Dwelling }
            type Dwelling @key(fields: "id", resolvable: false) { id: ID! }
            """),
        ("dwellings", """
            type Dwelling @key(fields: "id") { id: ID! area: Int application: Application }
            type Application @key(fields: "id", resolvable: false) { id: ID! }
            """),
        ("reviews", """
            type Application @key(fields: "id") { id: ID! decision: String }
            type Person @key(fields: "id") { id: ID! flagged: Boolean }
            """));

    [Fact]
    public void Four_hops_one_after_another() => Process.ExpectPlan(
        """{ applications { applicant { household { dwelling { area } } } } }""");

    [Fact]
    public void Five_hops_back_to_the_first_entity_type() => Process.ExpectPlan(
        """{ applications { id applicant { household { dwelling { application { decision } } } } } }""");

    [Fact]
    public void Branches_at_each_depth_run_in_parallel() => Process.ExpectPlan(
        """{ applications { decision applicant { name flagged household { address dwelling { area } } } } }""");

    [Fact]
    public async Task Every_deep_hop_shape_end_to_end()
    {
        await using var running = await Process.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["applications"] = subgraph => subgraph
                .Bind("Query.applications", _ => Value(new List<object?>
                {
                    Map(("id", "a1"), ("applicant", Map(("id", "p1")))),
                    Map(("id", "a2"), ("applicant", Map(("id", "p2")))),
                }))
                .Entity("Application", (representations, _) => Echo(representations)),
            ["people"] = subgraph => subgraph
                .Entity("Person", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("id", r.GetString("id")),
                    ("name", r.GetString("id") == "p1" ? "Xu Ming" : "He Lan"),
                    ("household", Map(("id", "h-" + r.GetString("id")))))))),
            ["households"] = subgraph => subgraph
                .Entity("Household", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("id", r.GetString("id")),
                    ("address", "Lane " + r.GetString("id")),
                    ("dwelling", Map(("id", "d-" + r.GetString("id")))))))),
            ["dwellings"] = subgraph => subgraph
                .Entity("Dwelling", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("id", r.GetString("id")),
                    ("area", r.GetString("id")!.Length * 10),
                    ("application", Map(("id", r.GetString("id") == "d-h-p1" ? "a1" : "a2"))))))),
            ["reviews"] = subgraph => subgraph
                .Entity("Application", (representations, _) => Echo(representations))
                .Bind("Application.decision", context => Value(NeedText(context, "id") == "a1" ? "granted" : "refused"))
                .Entity("Person", (representations, _) => Echo(representations))
                .Bind("Person.flagged", context => Value(NeedText(context, "id") == "p2")),
        });

        Assert.Equal(
            """{"data":{"applications":[{"applicant":{"household":{"dwelling":{"area":60}}}},{"applicant":{"household":{"dwelling":{"area":60}}}}]}}""",
            await running.RunAsync("""{ applications { applicant { household { dwelling { area } } } } }"""));
        Assert.Equal(
            """{"data":{"applications":[{"id":"a1","applicant":{"household":{"dwelling":{"application":{"decision":"granted"}}}}},{"id":"a2","applicant":{"household":{"dwelling":{"application":{"decision":"refused"}}}}}]}}""",
            await running.RunAsync("""{ applications { id applicant { household { dwelling { application { decision } } } } } }"""));
        Assert.Equal(
            """{"data":{"applications":[{"decision":"granted","applicant":{"name":"Xu Ming","flagged":false,"household":{"address":"Lane h-p1","dwelling":{"area":60}}}},{"decision":"refused","applicant":{"name":"He Lan","flagged":true,"household":{"address":"Lane h-p2","dwelling":{"area":60}}}}]}}""",
            await running.RunAsync("""{ applications { decision applicant { name flagged household { address dwelling { area } } } } }"""));
    }
}
