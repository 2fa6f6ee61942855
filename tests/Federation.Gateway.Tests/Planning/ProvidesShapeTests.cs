using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// @provides shapes over a court register: provided scalars and nested objects read from the
/// providing fetch, fields beyond what is provided fetched from their owner, the same field on a
/// path without @provides, provides on interface and union fields. Each plan in its snapshot, and every
/// operation run end to end; the owner is checked never to be asked for what was provided.
/// </summary>
public sealed class ProvidesShapeTests
{
    private static readonly FederatedGraph Courts = FederatedGraph.Compose(
        ("cases", """
            type Query { cases: [Case] filings: [Filing] }
            type Case @key(fields: "id") {
              id: ID!
              number: String
              judge: Judge @provides(fields: "name court { city }")
              clerk: Judge
            }
            type Judge @key(fields: "id") { id: ID! name: String @external court: Court @external }
            type Court @key(fields: "code") { code: ID! city: String @external }
            type Filing @key(fields: "n") {
              n: Int!
              subject: Subject @provides(fields: "... on Citizen { fullName } ... on Enterprise { fullName }")
              payer: Payer @provides(fields: "... on Citizen { fullName } ... on Enterprise { fullName }")
            }
            interface Subject { id: ID! fullName: String }
            union Payer = Citizen | Enterprise
            type Citizen implements Subject @key(fields: "id") { id: ID! fullName: String @external }
            type Enterprise implements Subject @key(fields: "id") { id: ID! fullName: String @external }
            """),
        ("people", """
            type Query { judges: [Judge] }
            type Judge @key(fields: "id") { id: ID! name: String @shareable court: Court @shareable rank: String }
            type Court @key(fields: "code") { code: ID! city: String @shareable phone: String }
            interface Subject { id: ID! fullName: String }
            type Citizen implements Subject @key(fields: "id") { id: ID! fullName: String @shareable birthYear: Int }
            type Enterprise implements Subject @key(fields: "id") { id: ID! fullName: String @shareable creditCode: String }
            """));

    [Fact]
    public void A_provided_scalar_is_read_from_the_providing_fetch() => Courts.ExpectPlan(
        """{ cases { number judge { name } } }""");

    [Fact]
    public void A_provided_nested_object_is_read_from_the_providing_fetch() => Courts.ExpectPlan(
        """{ cases { judge { name court { city } } } }""");

    [Fact]
    public void A_field_beside_the_provided_ones_is_fetched_from_its_owner() => Courts.ExpectPlan(
        """{ cases { judge { name rank } } }""");

    [Fact]
    public void A_field_beside_a_provided_nested_one_is_fetched_by_the_nested_entity_key() => Courts.ExpectPlan(
        """{ cases { judge { court { city phone } } } }""");

    [Fact]
    public void The_same_field_on_a_path_without_provides_comes_from_its_owner() => Courts.ExpectPlan(
        """{ cases { judge { name } clerk { name court { city } } } }""");

    [Fact]
    public void Typename_inside_a_provided_object_stays_in_the_providing_fetch() => Courts.ExpectPlan(
        """{ cases { judge { __typename name court { __typename city } } } }""");

    [Fact]
    public void Provided_interface_field_per_member_fragment() => Courts.ExpectPlan(
        """{ filings { n subject { ... on Citizen { fullName } ... on Enterprise { fullName } } } }""");

    [Fact]
    public void Provided_interface_field_selected_on_the_interface() => Courts.ExpectPlan(
        """{ filings { subject { id fullName } } }""");

    [Fact]
    public void Provided_union_member_field() => Courts.ExpectPlan(
        """{ filings { payer { ... on Enterprise { fullName } } } }""");

    [Fact]
    public void A_union_member_field_not_provided_is_fetched_for_that_member_only() => Courts.ExpectPlan(
        """{ filings { payer { __typename ... on Citizen { fullName birthYear } ... on Enterprise { fullName } } } }""");

    [Fact]
    public async Task Every_provides_shape_end_to_end()
    {
        await using var running = await Courts.StartAsync(Bindings());

        Assert.Equal(
            """{"data":{"cases":[{"number":"C-1","judge":{"name":"provided Zhao"}},{"number":"C-2","judge":{"name":"provided Qian"}}]}}""",
            await running.RunAsync("""{ cases { number judge { name } } }"""));
        Assert.Equal(
            """{"data":{"cases":[{"judge":{"name":"provided Zhao","court":{"city":"provided Hangzhou"}}},{"judge":{"name":"provided Qian","court":{"city":"provided Ningbo"}}}]}}""",
            await running.RunAsync("""{ cases { judge { name court { city } } } }"""));
        Assert.Equal(
            """{"data":{"cases":[{"judge":{"name":"provided Zhao","rank":"senior"}},{"judge":{"name":"provided Qian","rank":"junior"}}]}}""",
            await running.RunAsync("""{ cases { judge { name rank } } }"""));
        Assert.Equal(
            """{"data":{"cases":[{"judge":{"court":{"city":"provided Hangzhou","phone":"0571"}}},{"judge":{"court":{"city":"provided Ningbo","phone":"0574"}}}]}}""",
            await running.RunAsync("""{ cases { judge { court { city phone } } } }"""));
        Assert.Equal(
            """{"data":{"cases":[{"judge":{"name":"provided Zhao"},"clerk":{"name":"Sun","court":{"city":"Hangzhou"}}},{"judge":{"name":"provided Qian"},"clerk":null}]}}""",
            await running.RunAsync("""{ cases { judge { name } clerk { name court { city } } } }"""));
        Assert.Equal(
            """{"data":{"cases":[{"judge":{"__typename":"Judge","name":"provided Zhao","court":{"__typename":"Court","city":"provided Hangzhou"}}},{"judge":{"__typename":"Judge","name":"provided Qian","court":{"__typename":"Court","city":"provided Ningbo"}}}]}}""",
            await running.RunAsync("""{ cases { judge { __typename name court { __typename city } } } }"""));
        Assert.Equal(
            """{"data":{"filings":[{"n":1,"subject":{"fullName":"provided Li"}},{"n":2,"subject":{"fullName":"provided Huaxin"}}]}}""",
            await running.RunAsync("""{ filings { n subject { ... on Citizen { fullName } ... on Enterprise { fullName } } } }"""));
        Assert.Equal(
            """{"data":{"filings":[{"subject":{"id":"c1","fullName":"provided Li"}},{"subject":{"id":"e1","fullName":"provided Huaxin"}}]}}""",
            await running.RunAsync("""{ filings { subject { id fullName } } }"""));
        Assert.Equal(
            """{"data":{"filings":[{"payer":{}},{"payer":{"fullName":"provided Huaxin"}}]}}""",
            await running.RunAsync("""{ filings { payer { ... on Enterprise { fullName } } } }"""));
        Assert.Equal(
            """{"data":{"filings":[{"payer":{"__typename":"Citizen","fullName":"provided Li","birthYear":1980}},{"payer":{"__typename":"Enterprise","fullName":"provided Huaxin"}}]}}""",
            await running.RunAsync("""{ filings { payer { __typename ... on Citizen { fullName birthYear } ... on Enterprise { fullName } } } }"""));

        // The owner is never asked for a provided field: its answers (without "provided") would show.
        Assert.All(running.Requests["people"], body => Assert.DoesNotContain("fullName", body, StringComparison.Ordinal));
    }

    private static Dictionary<string, Func<Subgraph, Subgraph>> Bindings()
    {
        // The providing subgraph's copies of the provided fields are marked, so the answer shows which subgraph gave them.
        var li = Map(("__typename", "Citizen"), ("id", "c1"), ("fullName", "provided Li"));
        var huaxin = Map(("__typename", "Enterprise"), ("id", "e1"), ("fullName", "provided Huaxin"));
        var judges = new Dictionary<string, Dictionary<string, object?>>
        {
            ["j1"] = Map(("id", "j1"), ("name", "Zhao"), ("rank", "senior"), ("court", Map(("code", "hz"), ("city", "Hangzhou")))),
            ["j2"] = Map(("id", "j2"), ("name", "Qian"), ("rank", "junior"), ("court", Map(("code", "nb"), ("city", "Ningbo")))),
            ["j3"] = Map(("id", "j3"), ("name", "Sun"), ("rank", "clerk"), ("court", Map(("code", "hz"), ("city", "Hangzhou")))),
        };
        var courts = new Dictionary<string, Dictionary<string, object?>>
        {
            ["hz"] = Map(("code", "hz"), ("city", "Hangzhou"), ("phone", "0571")),
            ["nb"] = Map(("code", "nb"), ("city", "Ningbo"), ("phone", "0574")),
        };
        var subjects = new Dictionary<string, Dictionary<string, object?>>
        {
            ["c1"] = Map(("id", "c1"), ("fullName", "Li"), ("birthYear", 1980)),
            ["e1"] = Map(("id", "e1"), ("fullName", "Huaxin"), ("creditCode", "91330100")),
        };
        return new()
        {
            ["cases"] = subgraph => subgraph
                .Bind("Query.cases", _ => Value(new List<object?>
                {
                    Map(("id", "1"), ("number", "C-1"), ("judge", Map(("id", "j1"), ("name", "provided Zhao"), ("court", Map(("code", "hz"), ("city", "provided Hangzhou"))))), ("clerk", Map(("id", "j3")))),
                    Map(("id", "2"), ("number", "C-2"), ("judge", Map(("id", "j2"), ("name", "provided Qian"), ("court", Map(("code", "nb"), ("city", "provided Ningbo"))))), ("clerk", null)),
                }))
                .Bind("Query.filings", _ => Value(new List<object?> { Map(("n", 1), ("subject", li), ("payer", li)), Map(("n", 2), ("subject", huaxin), ("payer", huaxin)) }))
                .Entity("Case", (representations, _) => Answer(representations.Select(_ => (object?)null)))
                .Entity("Filing", (representations, _) => Answer(representations.Select(_ => (object?)null)))
                .Entity("Judge", (representations, _) => Echo(representations))
                .Entity("Court", (representations, _) => Echo(representations))
                .Entity("Citizen", (representations, _) => Echo(representations))
                .Entity("Enterprise", (representations, _) => Echo(representations)),
            ["people"] = subgraph => subgraph
                .Bind("Query.judges", _ => Value(judges.Values.ToList<object?>()))
                .Entity("Judge", (representations, _) => Answer(representations.Select(r => (object?)judges.GetValueOrDefault(r.GetString("id")!))))
                .Entity("Court", (representations, _) => Answer(representations.Select(r => (object?)courts.GetValueOrDefault(r.GetString("code")!))))
                .Entity("Citizen", (representations, _) => Answer(representations.Select(r => (object?)subjects.GetValueOrDefault(r.GetString("id")!))))
                .Entity("Enterprise", (representations, _) => Answer(representations.Select(r => (object?)subjects.GetValueOrDefault(r.GetString("id")!)))),
        };
    }
}
