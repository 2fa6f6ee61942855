using System.Net;
using System.Text;
using System.Text.Json;
using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Tests.Execution;

/// <summary>
/// What an entity fetch is built from: an object whose key or required field the answers lack is
/// an error at the fields the fetch was to give, not a quiet null; a null key is not fetched.
/// Subgraph answers are canned per subgraph.
/// </summary>
public sealed class RepresentationTests
{
    // "one" returns A by key id; "two" resolves A.b.
    private static readonly PlanningSchema Schema = new PlanningSchema(SchemaBuilder.FromSdl("type Query { a: [A] } type A { id: ID b: String }"))
        .AddField("Query", "a", "one")
        .AddKey("A", "one", "id", resolvable: true)
        .AddField("A", "id", "one")
        .AddKey("A", "two", "id", resolvable: true)
        .AddField("A", "id", "two")
        .AddField("A", "b", "two");

    [Fact]
    public async Task An_object_without_its_key_field_is_an_error_on_the_fields_the_next_fetch_gives()
    {
        var (data, asked) = await RunAsync(
            """{"data":{"a":[{"__typename":"A","id":"1"},{"__typename":"A"}]}}""",
            """{"data":{"_entities":[{"b":"first"}]}}""");

        var items = (List<object?>)data["a"]!;
        Assert.Equal("first", ((Dictionary<string, object?>)items[0]!)["b"]);
        var error = Assert.IsType<GraphQLException>(((Dictionary<string, object?>)items[1]!)["b"]).Error;
        Assert.Equal(ExecutionErrorCodes.EntityRepresentationIncomplete, error.Extensions!["code"]);
        Assert.Equal(
            "The gateway cannot ask subgraph \"two\" for the object at \"a.@\": the answers before lack its field \"id\", which the request to \"two\" is built from.",
            error.Message);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task An_object_whose_key_is_null_is_not_fetched()
    {
        var (data, asked) = await RunAsync(
            """{"data":{"a":[{"__typename":"A","id":null}]}}""",
            """{"data":{"_entities":[]}}""");

        Assert.False(((Dictionary<string, object?>)((List<object?>)data["a"]!)[0]!).ContainsKey("b"));
        Assert.Equal(0, asked);
    }

    // "one" knows the interface I and its implementations S and C; "two" knows I only as an @interfaceObject and resolves I.b.
    private static readonly PlanningSchema InterfaceObject = new PlanningSchema(SchemaBuilder.FromSdl(
            "type Query { a: [I] } interface I { id: ID b: String } type S implements I { id: ID b: String } type C implements I { id: ID b: String }"))
        .AddField("Query", "a", "one")
        .AddKey("I", "one", "id", resolvable: true)
        .AddField("I", "id", "one")
        .AddMember("I", "S", "one")
        .AddMember("I", "C", "one")
        .AddKey("S", "one", "id", resolvable: true)
        .AddField("S", "id", "one")
        .AddKey("C", "one", "id", resolvable: true)
        .AddField("C", "id", "one")
        .AddInterfaceObject("I", "two")
        .AddKey("I", "two", "id", resolvable: true)
        .AddField("I", "id", "two")
        .AddField("I", "b", "two");

    [Fact]
    public async Task An_implementation_is_sent_to_an_interface_object_as_the_interface()
    {
        var plan = new QueryPlanner(InterfaceObject).Plan(Parser.Parse("{ a { b } }"), null);
        string? sent = null;
        using var oneHttp = new HttpClient(new Canned("""{"data":{"a":[{"__typename":"S","id":"1"},{"__typename":"C","id":"2"},{"__typename":"X","id":"3"}]}}""", () => { }));
        using var twoHttp = new HttpClient(new Canned("""{"data":{"_entities":[{"b":"first"},{"b":"second"}]}}""", () => { }, body => sent = body));
        var clients = new SubgraphClients(new Dictionary<string, SubgraphClient>
        {
            ["one"] = new("one", oneHttp, new Uri("http://one.test/graphql"), TimeSpan.FromSeconds(5)),
            ["two"] = new("two", twoHttp, new Uri("http://two.test/graphql"), TimeSpan.FromSeconds(5)),
        });
        var execution = new PlanExecution(clients, null, GatewayHarness.Caller);

        await execution.RunAsync(plan.Root!, TestContext.Current.CancellationToken);

        // The interface's name, not the implementation's, which "two" does not know; a type that is no implementation is not sent.
        using var request = JsonDocument.Parse(sent!);
        Assert.Equal(
            """[{"__typename":"I","id":"1"},{"__typename":"I","id":"2"}]""",
            JsonSerializer.Serialize(request.RootElement.GetProperty("variables").GetProperty("representations")));
        var items = ((List<object?>)execution.Data["a"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["S first", "C second", "X "], items.Select(i => $"{i["__typename"]} {i.GetValueOrDefault("b")}"));
    }

    // "one" returns B with its @inaccessible field secret, which "two" requires for B.c.
    private static readonly PlanningSchema Hidden = new PlanningSchema(SchemaBuilder.FromSdl("type Query { b: [B] } type B { id: ID c: String }"))
        .AddField("Query", "b", "one")
        .AddKey("B", "one", "id", resolvable: true)
        .AddField("B", "id", "one")
        .AddField("B", "secret", "one")
        .AddHiddenLeaf("B", "secret", "Int")
        .AddKey("B", "two", "id", resolvable: true)
        .AddField("B", "id", "two")
        .AddField("B", "c", "two")
        .AddRequires("B", "c", "two", "secret");

    [Fact]
    public async Task An_inaccessible_required_field_the_answers_lack_is_not_named_in_the_error()
    {
        var (data, asked) = await RunAsync(
            Hidden,
            "{ b { c } }",
            """{"data":{"b":[{"__typename":"B","id":"1"}]}}""",
            """{"data":{"_entities":[]}}""");

        var error = Assert.IsType<GraphQLException>(((Dictionary<string, object?>)((List<object?>)data["b"]!)[0]!)["c"]).Error;
        Assert.Equal(
            "The gateway cannot ask subgraph \"two\" for the object at \"b.@\": the answers before lack a field, which the request to \"two\" is built from.",
            error.Message);
        Assert.Equal(0, asked);
    }

    // "one" has Bank.holder: String! and Transit.holder: String; the supergraph String for both.
    private static readonly PlanningSchema Nullability = new PlanningSchema(SchemaBuilder.FromSdl(
            "type Query { wallet: [Card] } union Card = Bank | Transit type Bank { holder: String } type Transit { holder: String }"))
        .AddField("Query", "wallet", "one")
        .AddMember("Card", "Bank", "one")
        .AddMember("Card", "Transit", "one")
        .AddField("Bank", "holder", "one")
        .AddField("Transit", "holder", "one")
        .AddFieldType("Bank", "holder", "one", "String!")
        .AddSubgraph("two");

    [Fact]
    public async Task A_value_and_an_error_under_a_generated_alias_are_merged_under_the_client_s_name()
    {
        var (data, _) = await RunAsync(
            Nullability,
            "{ wallet { ... on Bank { holder } ... on Transit { holder } } }",
            """{"data":{"wallet":[{"__typename":"Bank","holder":"Wu"},{"__typename":"Transit","holder__alias_0":"Xu"},{"__typename":"Transit","holder__alias_0":null}]},"errors":[{"message":"no holder","path":["wallet",2,"holder__alias_0"]}]}""",
            """{"data":{}}""");

        var wallet = ((List<object?>)data["wallet"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal("Wu", wallet[0]["holder"]);
        Assert.Equal("Xu", wallet[1]["holder"]);
        Assert.IsType<GraphQLException>(wallet[2]["holder"]);
        Assert.DoesNotContain(wallet, item => item.Keys.Any(key => key.Contains("__alias", StringComparison.Ordinal)));
    }

    private static Task<(Dictionary<string, object?> Data, int EntityRequests)> RunAsync(string one, string two) =>
        RunAsync(Schema, "{ a { b } }", one, two);

    private static async Task<(Dictionary<string, object?> Data, int EntityRequests)> RunAsync(PlanningSchema schema, string operation, string one, string two)
    {
        var plan = new QueryPlanner(schema).Plan(Parser.Parse(operation), null);
        var entityRequests = 0;
        using var oneHttp = new HttpClient(new Canned(one, () => { }));
        using var twoHttp = new HttpClient(new Canned(two, () => entityRequests++));
        var clients = new SubgraphClients(new Dictionary<string, SubgraphClient>
        {
            ["one"] = new("one", oneHttp, new Uri("http://one.test/graphql"), TimeSpan.FromSeconds(5)),
            ["two"] = new("two", twoHttp, new Uri("http://two.test/graphql"), TimeSpan.FromSeconds(5)),
        });
        var execution = new PlanExecution(clients, null, GatewayHarness.Caller);

        await execution.RunAsync(plan.Root!, TestContext.Current.CancellationToken);

        return (execution.Data, entityRequests);
    }

    private sealed class Canned(string body, Action asked, Action<string>? sent = null) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            asked();
            if (sent is not null && request.Content is { } content)
            {
                sent(await content.ReadAsStringAsync(cancellationToken));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
