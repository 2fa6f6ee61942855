using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Composition;
using Federation.GraphQL.Types;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Gateway.Tests.Composition;

/// <summary>The supergraph model the planner reads (<see cref="Supergraph.Parse"/>) and its API schema.</summary>
public sealed class SupergraphTests
{
    private static readonly Lazy<Supergraph> Agency =
        new(() => Supergraph.Parse(File.ReadAllText(Repository.SupergraphFile)));

    [Fact]
    public void The_agency_supergraph_names_its_four_subgraphs_with_their_urls()
    {
        var subgraphs = Agency.Value.Subgraphs.Select(s => $"{s.GraphName} {s.Name} {s.Url}");

        Assert.Equal(
            [
                "LEGAL_PERSONS legal-persons http://127.0.0.1:4102/graphql",
                "LICENCES licences http://127.0.0.1:4104/graphql",
                "POPULATION population http://127.0.0.1:4101/graphql",
                "SPATIAL spatial http://127.0.0.1:4103/graphql",
            ],
            subgraphs);
    }

    [Fact]
    public void An_entity_lists_each_subgraph_with_its_key_and_whether_it_resolves_it()
    {
        var address = Agency.Value.Type("Address")!;

        Assert.True(address.IsEntity);
        Assert.Equal(
            ["legal-persons id False", "population id False", "spatial id True"],
            address.Subgraphs.Select(s => $"{s.Subgraph} {s.Key} {s.Resolvable}"));
        Assert.Equal(["id"], address.ResolvableKeysIn("spatial"));
        Assert.Empty(address.ResolvableKeysIn("population"));
    }

    [Fact]
    public void A_field_without_join_field_is_resolved_by_every_subgraph_of_its_type()
    {
        var person = Agency.Value.Type("Person")!;

        Assert.Equal(["legal-persons", "licences", "population", "spatial"], person.Field("idNumber")!.ResolvingSubgraphs);
        Assert.Equal(["licences"], person.Field("licences")!.ResolvingSubgraphs);
        Assert.Equal("LicenceConnection!", person.Field("licences")!.Type);
    }

    [Fact]
    public void Union_members_are_listed_per_subgraph()
    {
        var holder = Agency.Value.Type("LicenceHolder")!;

        Assert.Equal(SupergraphTypeKind.Union, holder.Kind);
        Assert.Equal(["licences Person", "licences LegalPerson"], holder.UnionMembers.Select(m => $"{m.Subgraph} {m.Member}"));
    }

    [Fact]
    public void The_api_schema_has_no_join_or_link_machinery()
    {
        var api = Agency.Value.ApiSchema;

        Assert.NotNull(api.QueryType);
        Assert.NotNull(api.MutationType);
        Assert.DoesNotContain(api.Types, t => t.Name.StartsWith("join__", StringComparison.Ordinal) || t.Name.StartsWith("link__", StringComparison.Ordinal));
        Assert.Null(api.GetDirective("link"));
        Assert.Null(api.GetDirective("join__type"));
        Assert.NotNull(((ObjectType)api.GetType("Person")!).GetField("licences"));
    }

    [Fact]
    public void Custom_scalars_pass_through_the_api_schema_and_the_api_document_builds_with_the_agency_ones()
    {
        var passThrough = (ScalarType)Agency.Value.ApiSchema.GetType("IdNumber")!;
        var agency = (ScalarType)AgencyScalars.BuildSchema(Agency.Value.ApiDocument, AgencyScalars.All()).GetType("IdNumber")!;

        Assert.Equal("not an id number", passThrough.ParseValue("not an id number"));
        Assert.ThrowsAny<Exception>(() => agency.ParseValue("not an id number"));
    }

    [Fact]
    public void Federation_directives_are_read_per_subgraph()
    {
        var supergraph = Compose(
            Subgraph("products", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@override"])
                type Query { products: [Product!]! }
                type Product @key(fields: "upc") { upc: ID! weight: Int @shareable name: String price: Int }
                """),
            Subgraph("shipping", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@provides", "@override"])
                type Query { cheapest: Product @provides(fields: "weight") }
                type Product @key(fields: "upc") {
                  upc: ID!
                  weight: Int @external
                  shippingCost: Int @requires(fields: "weight")
                  price: Int @override(from: "products")
                }
                """));

        var product = supergraph.Type("Product")!;

        Assert.Equal(["products"], product.Field("weight")!.ResolvingSubgraphs);
        Assert.True(product.Field("weight")!.In("shipping")!.External);
        Assert.Equal("weight", product.Field("shippingCost")!.In("shipping")!.Requires);
        Assert.Equal("weight", supergraph.Type("Query")!.Field("cheapest")!.In("shipping")!.Provides);
        Assert.Equal(["shipping"], product.Field("price")!.ResolvingSubgraphs);
        Assert.Equal("products", product.Field("price")!.In("shipping")!.OverrideFrom);
    }

    [Fact]
    public void Inaccessible_elements_are_in_the_model_but_not_in_the_api_schema()
    {
        var supergraph = Compose(
            Subgraph("catalogue", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible", "@tag"])
                type Query { item(id: ID!, debug: Boolean @inaccessible): Item internal: Internal @inaccessible }
                type Item @key(fields: "id") { id: ID! status: Status secret: String @inaccessible @tag(name: "internal") }
                type Internal @inaccessible { x: Int }
                enum Status { OPEN CLOSED LEGACY @inaccessible }
                """));

        var api = supergraph.ApiSchema;
        var item = (ObjectType)api.GetType("Item")!;

        Assert.True(supergraph.Type("Item")!.Field("secret")!.IsInaccessible);
        Assert.True(supergraph.Type("Internal")!.IsInaccessible);
        Assert.Null(item.GetField("secret"));
        Assert.Null(api.GetType("Internal"));
        Assert.Null(api.QueryType!.GetField("internal"));
        Assert.Null(api.QueryType!.GetField("item")!.GetArgument("debug"));
        Assert.NotNull(((EnumType)api.GetType("Status")!).GetValue("OPEN"));
        Assert.Null(((EnumType)api.GetType("Status")!).GetValue("LEGACY"));
        Assert.Null(api.GetDirective("inaccessible"));
        Assert.Null(api.GetDirective("tag"));
    }

    [Fact]
    public void Interface_implementations_are_listed_per_subgraph()
    {
        var supergraph = Compose(
            Subgraph("a", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                type Query { node: Node }
                interface Node { id: ID! }
                type Book implements Node @key(fields: "id") { id: ID! }
                """),
            Subgraph("b", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                interface Node { id: ID! }
                type Book implements Node @key(fields: "id") { id: ID! pages: Int }
                type Film implements Node @key(fields: "id") { id: ID! }
                """));

        Assert.Equal(["a Node", "b Node"], supergraph.Type("Book")!.Implementations.Select(i => $"{i.Subgraph} {i.Interface}"));
        Assert.Equal(["b Node"], supergraph.Type("Film")!.Implementations.Select(i => $"{i.Subgraph} {i.Interface}"));
    }

    [Fact]
    public void An_inaccessible_directive_imported_under_another_name_hides_elements_too()
    {
        var supergraph = Compose(
            Subgraph("catalogue", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [{ name: "@inaccessible", as: "@hidden" }])
                type Query { visible: Int internal: Int @hidden }
                """));

        Assert.Contains("import: [{name: \"@inaccessible\", as: \"@hidden\"}]", supergraph.Sdl, StringComparison.Ordinal);
        Assert.True(supergraph.Type("Query")!.Field("internal")!.IsInaccessible);
        Assert.Null(supergraph.ApiSchema.QueryType!.GetField("internal"));
        Assert.NotNull(supergraph.ApiSchema.QueryType!.GetField("visible"));
        Assert.Null(supergraph.ApiSchema.GetDirective("hidden"));
    }

    [Fact]
    public void Executable_directives_all_subgraphs_define_reach_the_api_schema()
    {
        var supergraph = Compose(
            Subgraph("a", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                directive @lower on FIELD
                type Query { a: String }
                """),
            Subgraph("b", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                directive @lower on FIELD | FRAGMENT_SPREAD
                type Query { b: String }
                """));

        var lower = supergraph.ApiSchema.GetDirective("lower");

        Assert.NotNull(lower);
        Assert.Contains("directive @lower on FIELD\n", supergraph.Sdl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type Query { a: Int }")]
    [InlineData("not graphql {")]
    public void Text_that_is_not_a_supergraph_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => Supergraph.Parse(text));
    }

    private static SubgraphSdl Subgraph(string name, [StringSyntax("graphql")] string sdl) => new(name, $"http://{name}.example/graphql", sdl);

    private static Supergraph Compose(params SubgraphSdl[] subgraphs)
    {
        var result = SupergraphComposer.Compose(subgraphs);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Supergraph.Parse(result.SupergraphSdl!);
    }
}
