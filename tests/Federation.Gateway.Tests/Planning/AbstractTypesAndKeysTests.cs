using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Interface fields a member resolves in another subgraph, selected per member; an entity reached
/// by the one of its keys the current subgraph can give. Plans in snapshots and end to end.
/// </summary>
public sealed class AbstractTypesAndKeysTests
{
    private static readonly FederatedGraph Library = FederatedGraph.Compose(
        ("catalogue", """
            type Query { items: [Item] }
            interface Item { id: ID! }
            type Book implements Item @key(fields: "id") { id: ID! }
            type Map implements Item @key(fields: "id") { id: ID! scale: Int }
            """),
        ("details", """
            interface Item { id: ID! title: String }
            type Book implements Item @key(fields: "id") { id: ID! title: String }
            type Map implements Item @key(fields: "id") { id: ID! title: String }
            """),
        ("accounts", """
            type Query { accounts: [Account] }
            type Account @key(fields: "id") @key(fields: "email") { id: ID! email: String! name: String }
            """),
        ("loans", """
            type Query { loans: [Loan] }
            type Loan { number: String borrower: Account }
            type Account @key(fields: "email", resolvable: false) { email: String! }
            """));

    [Fact]
    public void An_interface_field_another_subgraph_resolves_is_selected_per_member() => Library.ExpectPlan(
        """{ items { id title } }""");

    [Fact]
    public void An_entity_is_reached_by_the_key_the_current_subgraph_gives() => Library.ExpectPlan(
        """{ loans { number borrower { name } } }""");

    [Fact]
    public async Task Per_member_fields_and_a_second_key_end_to_end()
    {
        await using var running = await Library.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["catalogue"] = subgraph => subgraph
                .Bind("Query.items", _ => new ValueTask<object?>(new List<object?>
                {
                    Map(("__typename", "Book"), ("id", "b1")),
                    Map(("__typename", "Map"), ("id", "m1"), ("scale", 50000)),
                }))
                .Entity("Book", (representations, _) => Answer(representations.Select(r => (object?)Map(("id", r.GetString("id"))))))
                .Entity("Map", (representations, _) => Answer(representations.Select(r => (object?)Map(("id", r.GetString("id")), ("scale", 50000))))),
            ["details"] = subgraph => subgraph
                .Entity("Book", (representations, _) => Answer(representations.Select(r => (object?)Map(("id", r.GetString("id")), ("title", "Book " + r.GetString("id"))))))
                .Entity("Map", (representations, _) => Answer(representations.Select(r => (object?)Map(("id", r.GetString("id")), ("title", "Map " + r.GetString("id")))))),
            ["accounts"] = subgraph => subgraph
                .Bind("Query.accounts", _ => new ValueTask<object?>(new List<object?>()))
                .Entity("Account", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("id", "a-" + r.GetString("email")),
                    ("email", r.GetString("email")),
                    ("name", r.GetString("email") == "li@example.cn" ? "Li Hua" : null))))),
            ["loans"] = subgraph => subgraph
                .Bind("Query.loans", _ => new ValueTask<object?>(new List<object?>
                {
                    Map(("number", "L1"), ("borrower", Map(("email", "li@example.cn")))),
                    Map(("number", "L2"), ("borrower", null)),
                })),
        });

        Assert.Equal(
            """{"data":{"items":[{"id":"b1","title":"Book b1"},{"id":"m1","title":"Map m1"}]}}""",
            await running.RunAsync("""{ items { id title } }"""));
        Assert.Equal(
            """{"data":{"loans":[{"number":"L1","borrower":{"name":"Li Hua"}},{"number":"L2","borrower":null}]}}""",
            await running.RunAsync("""{ loans { number borrower { name } } }"""));
    }

    private static ValueTask<IReadOnlyList<object?>> Answer(IEnumerable<object?> entities) => new(entities.ToList());

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
