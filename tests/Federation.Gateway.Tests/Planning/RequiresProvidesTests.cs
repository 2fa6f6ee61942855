using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// @requires: the required fields are fetched first, from wherever they are resolved, and sent in
/// the representations; @provides: a provided field is read from the providing fetch. Each shape
/// planned and compared with its plan snapshot and run end to end over the hosting library.
/// </summary>
public sealed class RequiresProvidesTests
{
    private static readonly FederatedGraph Shop = FederatedGraph.Compose(
        ("products", """
            type Query { products: [Product] product(upc: String!): Product }
            type Mutation { reprice(upc: String!, price: Int!): Product }
            type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int dimensions: Dimensions }
            type Dimensions @shareable { size: Int unit: String }
            """),
        ("inventory", """
            type Query { stocked: [Product] }
            type Product @key(fields: "upc") {
              upc: String!
              price: Int @external
              weight: Int @external
              dimensions: Dimensions @external
              shippingEstimate: Int @requires(fields: "price weight")
              packaging: String @requires(fields: "dimensions { size }")
              inStock: Boolean
            }
            type Dimensions @shareable { size: Int unit: String }
            """),
        ("reviews", """
            type Query { reviews: [Review] }
            type Product @key(fields: "upc") { upc: String! reviews: [Review] }
            type Review { body: String author: User @provides(fields: "username") product: Product }
            type User @key(fields: "id") { id: ID! username: String @external }
            """),
        ("accounts", """
            type User @key(fields: "id") { id: ID! username: String @shareable name: String }
            """),
        ("shipping", """
            type Product @key(fields: "upc") {
              upc: String!
              shippingEstimate: Int @external
              insurance: Int @requires(fields: "shippingEstimate")
            }
            """));

    [Fact]
    public void Required_fields_from_the_parent_fetch_go_in_the_representation() => Shop.ExpectPlan(
        """{ products { name shippingEstimate } }""");

    [Fact]
    public void A_requiring_subgraph_asked_first_gets_its_required_fields_from_another_and_is_asked_again() => Shop.ExpectPlan(
        """{ stocked { inStock shippingEstimate } }""");

    [Fact]
    public void Nested_required_fields() => Shop.ExpectPlan(
        """{ products { packaging } }""");

    [Fact]
    public void A_chain_of_requires_through_three_subgraphs() => Shop.ExpectPlan(
        """{ stocked { insurance } }""");

    [Fact]
    public void Requires_under_a_variable_condition() => Shop.ExpectPlan(
        """query ($estimate: Boolean!) { products { name shippingEstimate @include(if: $estimate) } }""");

    [Fact]
    public void Requires_inside_a_serial_mutation_stay_in_the_mutation_fields_step() => Shop.ExpectPlan(
        """mutation { first: reprice(upc: "1", price: 10) { shippingEstimate } second: reprice(upc: "2", price: 20) { name } }""");

    private static readonly FederatedGraph Circular = FederatedGraph.Compose(
        ("a", """
            type Query { t: T }
            type T @key(fields: "id") { id: ID! w: Int y: Int @external x: Int @requires(fields: "y") }
            """),
        ("b", """
            type T @key(fields: "id") { id: ID! y: Int w: Int @external z: Int @requires(fields: "w") }
            """));

    [Fact]
    public void Requires_circular_between_two_subgraphs() => Circular.ExpectPlan(
        """{ t { x z } }""");

    [Fact]
    public async Task Requires_circular_between_two_subgraphs_end_to_end()
    {
        await using var running = await Circular.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["a"] = subgraph => subgraph
                .Bind("Query.t", _ => new ValueTask<object?>(Map(("id", "1"), ("w", 7))))
                .Entity("T", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("id", (object?)r.GetString("id")),
                    ("x", r["y"] is { } y ? (object?)(Convert.ToInt32(y) + 1) : null))))),
            ["b"] = subgraph => subgraph
                .Entity("T", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("id", (object?)r.GetString("id")),
                    ("y", 100),
                    ("z", r["w"] is { } w ? (object?)(Convert.ToInt32(w) * 2) : null))))),
        });

        Assert.Equal("""{"data":{"t":{"x":101,"z":14}}}""", await running.RunAsync("""{ t { x z } }"""));
    }

    [Fact]
    public void A_client_field_with_other_arguments_than_a_required_one_is_kept_apart_from_it()
    {
        var schema = new global::Federation.Gateway.Planning.PlanningSchema(
                global::Federation.GraphQL.Types.Building.SchemaBuilder.FromSdl(
                    "type Query { products: [Product] } type Product { upc: String! price(currency: String): Int estimate: Int }"))
            .AddField("Query", "products", "products")
            .AddKey("Product", "products", "upc", resolvable: true)
            .AddField("Product", "upc", "products")
            .AddField("Product", "price", "products")
            .AddKey("Product", "inventory", "upc", resolvable: true)
            .AddField("Product", "upc", "inventory")
            .AddField("Product", "estimate", "inventory")
            .AddRequires("Product", "estimate", "inventory", "price(currency: \"USD\")");

        var plan = new global::Federation.Gateway.Planning.QueryPlanner(schema).Plan(
            global::Federation.GraphQL.Language.Parser.Parse("""{ products { price(currency: "EUR") estimate } }"""),
            null);

        // The requirement's price goes under a generated alias, sent in the representation as "price".
        Assert.Equal(
            """
            QueryPlan {
              Sequence {
                Fetch(service: "products") {
                  {
                    products {
                      price(currency: "EUR")
                      price__alias_0: price(currency: "USD")
                      __typename
                      upc
                    }
                  }
                },
                Flatten(path: "products.@") {
                  Fetch(service: "inventory") {
                    {
                      ... on Product {
                        __typename
                        upc
                        price__alias_0: price(currency: "USD")
                      }
                    } =>
                    {
                      ... on Product {
                        estimate
                      }
                    }
                  },
                },
              },
            }
            """,
            global::Federation.Gateway.Planning.QueryPlanPrinter.Print(plan));
    }

    [Fact]
    public void A_provided_field_is_read_from_the_providing_fetch() => Shop.ExpectPlan(
        """{ reviews { body author { username } } }""");

    [Fact]
    public void A_field_the_path_does_not_provide_is_fetched_from_its_subgraph() => Shop.ExpectPlan(
        """{ reviews { author { username name } product { reviews { author { id } } } } }""");

    [Fact]
    public async Task Required_and_provided_fields_end_to_end()
    {
        await using var running = await Shop.StartAsync(Bindings());

        Assert.Equal(
            """{"data":{"products":[{"name":"Table","shippingEstimate":50,"packaging":"crate","insurance":5},{"name":"Lamp","shippingEstimate":6,"packaging":"box","insurance":0}]}}""",
            await running.RunAsync("""{ products { name shippingEstimate packaging insurance } }"""));
        Assert.Equal(
            """{"data":{"stocked":[{"inStock":true,"shippingEstimate":50}]}}""",
            await running.RunAsync("""{ stocked { inStock shippingEstimate } }"""));
        Assert.Equal(
            """{"data":{"products":[{"name":"Table"},{"name":"Lamp"}]}}""",
            await running.RunAsync("""query ($e: Boolean!) { products { name shippingEstimate @include(if: $e) } }""", """{"e":false}"""));
        Assert.Equal(
            """{"data":{"first":{"shippingEstimate":150},"second":{"name":"Lamp"}}}""",
            await running.RunAsync("""mutation { first: reprice(upc: "1", price: 10) { shippingEstimate } second: reprice(upc: "2", price: 20) { name } }"""));
        Assert.Equal(
            """{"data":{"reviews":[{"body":"Sturdy","author":{"username":"provided-li","name":"Li Hua"}}]}}""",
            await running.RunAsync("""{ reviews { body author { username name } } }"""));
        Assert.DoesNotContain(running.Requests["accounts"], body => body.Contains("username", StringComparison.Ordinal));
    }

    private static Dictionary<string, Func<Subgraph, Subgraph>> Bindings()
    {
        var products = new Dictionary<string, Dictionary<string, object?>>
        {
            ["1"] = Map(("upc", "1"), ("name", "Table"), ("price", 500), ("weight", 50), ("dimensions", Map(("size", 3), ("unit", "m")))),
            ["2"] = Map(("upc", "2"), ("name", "Lamp"), ("price", 40), ("weight", 2), ("dimensions", Map(("size", 1), ("unit", "m")))),
        };
        return new()
        {
            ["products"] = subgraph => subgraph
                .Bind("Query.products", _ => new ValueTask<object?>(products.Values.ToList<object?>()))
                .Bind("Query.product", context => new ValueTask<object?>(products.GetValueOrDefault((string)context.Arguments["upc"]!)))
                .Bind("Mutation.reprice", context =>
                {
                    // Each mutation's answer is a copy with the new price, so the second cannot change what the first answered.
                    var product = new Dictionary<string, object?>(products[(string)context.Arguments["upc"]!]) { ["price"] = context.Arguments["price"] };
                    return new ValueTask<object?>(product);
                })
                .Entity("Product", (representations, _) => Answer(representations.Select(r => (object?)products.GetValueOrDefault(r.GetString("upc")!)))),
            ["inventory"] = subgraph => subgraph
                .Bind("Query.stocked", _ => new ValueTask<object?>(new List<object?> { Map(("upc", "1"), ("inStock", true)) }))
                .Entity("Product", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("upc", (object?)r.GetString("upc")),
                    ("inStock", true),
                    // Fails loudly (a null) when the gateway does not send the required fields.
                    ("shippingEstimate", r["weight"] is { } weight ? (object?)(Convert.ToInt32(weight) * (Convert.ToInt32(r["price"]) > 100 ? 1 : 3)) : null),
                    ("packaging", r["dimensions"] is IReadOnlyDictionary<string, object?> dimensions ? (Convert.ToInt32(dimensions["size"]) > 2 ? "crate" : "box") : null))))),
            ["shipping"] = subgraph => subgraph
                .Entity("Product", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("upc", (object?)r.GetString("upc")),
                    ("insurance", r["shippingEstimate"] is { } estimate ? (object?)(Convert.ToInt32(estimate) / 10) : null))))),
            ["reviews"] = subgraph => subgraph
                .Bind("Query.reviews", _ => new ValueTask<object?>(new List<object?>
                {
                    Map(("body", "Sturdy"), ("author", Map(("id", "u1"), ("username", "provided-li"))), ("product", Map(("upc", "1")))),
                }))
                .Entity("Product", (representations, _) => Answer(representations.Select(r => (object?)Map(("upc", (object?)r.GetString("upc")), ("reviews", new List<object?>())))))
                .Entity("User", (representations, _) => Answer(representations.Select(r => (object?)Map(("id", (object?)r.GetString("id")))))),
            ["accounts"] = subgraph => subgraph
                .Entity("User", (representations, _) => Answer(representations.Select(r => (object?)Map(("id", (object?)r.GetString("id")), ("username", "li"), ("name", "Li Hua"))))),
        };
    }

    private static ValueTask<IReadOnlyList<object?>> Answer(IEnumerable<object?> entities) => new(entities.ToList());

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
