using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Abstract types across subgraphs over an archive: union and interface members only some
/// subgraphs know (fragments on a type the subgraph lacks pruned from its fetch), interface fields
/// another subgraph resolves, <c>... on Node</c> where the subgraph has no Node, and
/// <c>__typename</c> at every level. Each plan in its snapshot, and every operation run end to end.
/// </summary>
public sealed class AbstractTypeShapeTests
{
    private static readonly FederatedGraph Archive = FederatedGraph.Compose(
        ("archive", """
            type Query { search(term: String!): [Result] assets: [Asset] }
            union Result = Deed | Photo
            interface Asset { id: ID! }
            type Deed implements Asset @key(fields: "id") { id: ID! title: String }
            type Photo implements Asset @key(fields: "id") { id: ID! url: String }
            """),
        ("media", """
            type Query { recent: [Result] clips: [Asset] }
            union Result = Deed | Recording
            interface Asset { id: ID! }
            type Deed implements Asset @key(fields: "id") { id: ID! pages: Int }
            type Recording implements Asset @key(fields: "id") { id: ID! seconds: Int }
            """),
        ("labels", """
            interface Asset { id: ID! label: String }
            type Deed implements Asset @key(fields: "id") { id: ID! label: String }
            type Photo implements Asset @key(fields: "id") { id: ID! label: String }
            type Recording implements Asset @key(fields: "id") { id: ID! label: String }
            """),
        ("identity", """
            type Query { node(id: ID!): Node }
            interface Node { id: ID! }
            type Deed implements Node @key(fields: "id") { id: ID! }
            type Recording implements Node @key(fields: "id") { id: ID! }
            """));

    [Fact]
    public void A_union_member_the_subgraph_lacks_is_pruned_from_its_fetch() => Archive.ExpectPlan(
        """{ search(term: "land") { ... on Deed { title } ... on Recording { seconds } } }""");

    [Fact]
    public void Union_members_of_the_other_subgraph_with_fields_from_both() => Archive.ExpectPlan(
        """{ recent { ... on Deed { title pages } ... on Photo { url } ... on Recording { seconds } } }""");

    [Fact]
    public void An_interface_implementation_the_subgraph_lacks_is_pruned_from_its_fetch() => Archive.ExpectPlan(
        """{ assets { id ... on Recording { seconds } ... on Photo { url } } }""");

    [Fact]
    public void An_interface_field_only_another_subgraph_resolves() => Archive.ExpectPlan(
        """{ clips { id label } }""");

    [Fact]
    public void An_interface_field_resolved_elsewhere_under_a_fragment_on_the_interface() => Archive.ExpectPlan(
        """{ assets { ... on Asset { label } } }""");

    [Fact]
    public void An_interface_field_resolved_elsewhere_beside_member_fields_of_a_third_subgraph() => Archive.ExpectPlan(
        """{ assets { label ... on Deed { pages } } }""");

    [Fact]
    public void Typename_of_union_and_interface_members_at_the_root() => Archive.ExpectPlan(
        """{ search(term: "x") { __typename } assets { __typename id } }""");

    [Fact]
    public void Typename_inside_the_fetch_of_another_subgraph() => Archive.ExpectPlan(
        """{ recent { __typename ... on Deed { __typename title } } }""");

    [Fact]
    public void A_fragment_on_node_where_the_subgraph_has_no_node() => Archive.ExpectPlan(
        """{ search(term: "x") { ... on Node { id } } }""");

    [Fact]
    public void The_node_root_field_then_member_fields_of_two_subgraphs() => Archive.ExpectPlan(
        """query ($id: ID!) { node(id: $id) { __typename id ... on Deed { title pages } ... on Recording { seconds } } }""");

    [Fact]
    public void A_named_fragment_on_an_interface_spread_in_a_union_selection() => Archive.ExpectPlan(
        """
        { recent { ...Labelled } }
        fragment Labelled on Asset { id label }
        """);

    [Fact]
    public async Task Every_abstract_shape_end_to_end()
    {
        await using var running = await Archive.StartAsync(Bindings());

        Assert.Equal(
            """{"data":{"search":[{"title":"Deed of Lot 4"},{}]}}""",
            await running.RunAsync("""{ search(term: "land") { ... on Deed { title } ... on Recording { seconds } } }"""));
        Assert.Equal(
            """{"data":{"recent":[{"title":"Deed of Lot 4","pages":12},{"seconds":95}]}}""",
            await running.RunAsync("""{ recent { ... on Deed { title pages } ... on Photo { url } ... on Recording { seconds } } }"""));
        Assert.Equal(
            """{"data":{"assets":[{"id":"d1"},{"id":"p1","url":"https://archive.example/p1.jpg"}]}}""",
            await running.RunAsync("""{ assets { id ... on Recording { seconds } ... on Photo { url } } }"""));
        Assert.Equal(
            """{"data":{"clips":[{"id":"r1","label":"label r1"},{"id":"d1","label":"label d1"}]}}""",
            await running.RunAsync("""{ clips { id label } }"""));
        Assert.Equal(
            """{"data":{"assets":[{"label":"label d1"},{"label":"label p1"}]}}""",
            await running.RunAsync("""{ assets { ... on Asset { label } } }"""));
        Assert.Equal(
            """{"data":{"assets":[{"label":"label d1","pages":12},{"label":"label p1"}]}}""",
            await running.RunAsync("""{ assets { label ... on Deed { pages } } }"""));
        Assert.Equal(
            """{"data":{"search":[{"__typename":"Deed"},{"__typename":"Photo"}],"assets":[{"__typename":"Deed","id":"d1"},{"__typename":"Photo","id":"p1"}]}}""",
            await running.RunAsync("""{ search(term: "x") { __typename } assets { __typename id } }"""));
        Assert.Equal(
            """{"data":{"recent":[{"__typename":"Deed","title":"Deed of Lot 4"},{"__typename":"Recording"}]}}""",
            await running.RunAsync("""{ recent { __typename ... on Deed { __typename title } } }"""));
        Assert.Equal(
            """{"data":{"search":[{"id":"d1"},{}]}}""",
            await running.RunAsync("""{ search(term: "x") { ... on Node { id } } }"""));
        Assert.Equal(
            """{"data":{"node":{"__typename":"Deed","id":"d1","title":"Deed of Lot 4","pages":12}}}""",
            await running.RunAsync("""query ($id: ID!) { node(id: $id) { __typename id ... on Deed { title pages } ... on Recording { seconds } } }""", """{"id":"d1"}"""));
        Assert.Equal(
            """{"data":{"node":{"__typename":"Recording","id":"r1","seconds":95}}}""",
            await running.RunAsync("""query ($id: ID!) { node(id: $id) { __typename id ... on Deed { title pages } ... on Recording { seconds } } }""", """{"id":"r1"}"""));
        Assert.Equal(
            """{"data":{"recent":[{"id":"d1","label":"label d1"},{"id":"r1","label":"label r1"}]}}""",
            await running.RunAsync("""{ recent { ...Labelled } } fragment Labelled on Asset { id label }"""));
    }

    private static Dictionary<string, Func<Subgraph, Subgraph>> Bindings()
    {
        var deed = Map(("__typename", "Deed"), ("id", "d1"), ("title", "Deed of Lot 4"));
        var photo = Map(("__typename", "Photo"), ("id", "p1"), ("url", "https://archive.example/p1.jpg"));
        var archived = new Dictionary<string, Dictionary<string, object?>> { ["d1"] = deed, ["p1"] = photo };
        var deedPages = Map(("__typename", "Deed"), ("id", "d1"), ("pages", 12));
        var recording = Map(("__typename", "Recording"), ("id", "r1"), ("seconds", 95));
        var held = new Dictionary<string, Dictionary<string, object?>> { ["d1"] = deedPages, ["r1"] = recording };
        return new()
        {
            ["archive"] = subgraph => subgraph
                .Bind("Query.search", _ => Value(new List<object?> { deed, photo }))
                .Bind("Query.assets", _ => Value(new List<object?> { deed, photo }))
                .Entity("Deed", (representations, _) => Answer(representations.Select(r => (object?)archived.GetValueOrDefault(r.GetString("id")!))))
                .Entity("Photo", (representations, _) => Answer(representations.Select(r => (object?)archived.GetValueOrDefault(r.GetString("id")!)))),
            ["media"] = subgraph => subgraph
                .Bind("Query.recent", _ => Value(new List<object?> { deedPages, recording }))
                .Bind("Query.clips", _ => Value(new List<object?> { recording, deedPages }))
                .Entity("Deed", (representations, _) => Answer(representations.Select(r => (object?)held.GetValueOrDefault(r.GetString("id")!))))
                .Entity("Recording", (representations, _) => Answer(representations.Select(r => (object?)held.GetValueOrDefault(r.GetString("id")!)))),
            ["labels"] = subgraph => subgraph
                .Entity("Deed", (representations, _) => Echo(representations, ("label", "label d1")))
                .Entity("Photo", (representations, _) => Echo(representations, ("label", "label p1")))
                .Entity("Recording", (representations, _) => Echo(representations, ("label", "label r1"))),
            ["identity"] = subgraph => subgraph
                .Bind("Query.node", context => Value((string)context.Arguments["id"]! switch
                {
                    "d1" => Map(("__typename", "Deed"), ("id", "d1")),
                    "r1" => Map(("__typename", "Recording"), ("id", "r1")),
                    _ => null,
                }))
                .Entity("Deed", (representations, _) => Echo(representations))
                .Entity("Recording", (representations, _) => Echo(representations)),
        };
    }
}
