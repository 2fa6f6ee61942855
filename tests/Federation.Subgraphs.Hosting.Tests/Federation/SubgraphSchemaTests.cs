using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Types;

namespace Federation.Subgraphs.Hosting.Tests.Federation;

public sealed class SubgraphSchemaTests
{
    [StringSyntax("graphql")]
    internal const string PopulationSdl = """
        extend schema
          @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])

        type Query {
          person(id: ID!): Person
        }

        "A person in the population register."
        type Person @key(fields: "id") @key(fields: "name { family given }") {
          id: ID!
          name: Name!
          internalNote: String @inaccessible
        }

        type Name @shareable {
          family: String!
          given: String!
        }

        type Address @key(fields: "id") {
          id: ID!
          line: String!
        }

        type Municipality @key(fields: "code", resolvable: false) {
          code: String!
        }
        """;

    [Fact]
    public async Task Service_sdl_is_the_sdl_as_written()
    {
        var subgraph = Subgraph.FromSdl(PopulationSdl);

        var json = await SubgraphHarness.ExecuteAsync(subgraph, "{ _service { sdl } }");

        SubgraphHarness.AssertJson(
            $$"""{ "data": { "_service": { "sdl": {{System.Text.Json.JsonSerializer.Serialize(PopulationSdl)}} } } }""",
            json);
        Assert.DoesNotContain("_entities", json, StringComparison.Ordinal);
        Assert.DoesNotContain("directive @key", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_with_its_additions_is_a_valid_schema()
    {
        var subgraph = Subgraph.FromSdl(PopulationSdl);

        Assert.Empty(global::Federation.GraphQL.Types.SchemaValidation.SchemaValidator.Validate(subgraph.Schema).Select(e => e.Message));
    }

    [Fact]
    public void Entity_union_holds_every_object_type_with_a_key()
    {
        var subgraph = Subgraph.FromSdl(PopulationSdl);

        var union = Assert.IsType<UnionType>(subgraph.Schema.GetType("_Entity"));
        Assert.Equal(["Person", "Address", "Municipality"], union.Types.Select(t => t.Name));
        Assert.Equal(["Person", "Address", "Municipality"], subgraph.EntityTypes);
    }

    [Fact]
    public void Federation_additions_are_defined_as_the_spec_defines_them()
    {
        var schema = Subgraph.FromSdl(PopulationSdl).Schema;

        var key = schema.GetDirective("key")!;
        Assert.True(key.IsRepeatable);
        Assert.Equal(["fields", "resolvable"], key.Arguments.Select(a => a.Name));
        Assert.Equal("federation__FieldSet!", key.Arguments[0].Type.ToString());
        Assert.NotNull(schema.GetDirective("link"));
        Assert.NotNull(schema.GetDirective("shareable"));
        Assert.NotNull(schema.GetDirective("federation__override"));
        Assert.NotNull(schema.GetDirective("federation__tag"));
        Assert.NotNull(schema.GetType("_Any"));
        Assert.NotNull(schema.GetType("link__Import"));
        Assert.IsType<EnumType>(schema.GetType("link__Purpose"));

        var query = schema.QueryType!;
        Assert.Equal("_Service!", query.GetField("_service")!.Type.ToString());
        Assert.Equal("[_Entity]!", query.GetField("_entities")!.Type.ToString());
        Assert.Equal("[_Any!]!", query.GetField("_entities")!.Arguments[0].Type.ToString());
    }

    [Fact]
    public void Imports_may_be_renamed_and_the_namespace_may_be_renamed()
    {
        var schema = Subgraph.FromSdl("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", as: "fed", import: [{ name: "@key", as: "@uniqueKey" }, "FieldSet"])
            type Query { a: A }
            type A @uniqueKey(fields: "id") @fed__shareable { id: ID! }
            """).Schema;

        Assert.Equal("FieldSet!", schema.GetDirective("uniqueKey")!.Arguments[0].Type.ToString());
        Assert.NotNull(schema.GetDirective("fed__shareable"));
        Assert.Null(schema.GetDirective("key"));
        Assert.Equal(["A"], ((UnionType)schema.GetType("_Entity")!).Types.Select(t => t.Name));
    }

    [Fact]
    public void Definitions_the_sdl_already_carries_are_not_added_again()
    {
        var schema = Subgraph.FromSdl("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "FieldSet"])
            directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            scalar FieldSet
            type Query { a: A }
            type A @key(fields: "id") { id: ID! }
            """).Schema;

        Assert.True(schema.GetDirective("key")!.IsRepeatable);
        Assert.NotNull(schema.GetDirective("federation__requires"));
    }

    [Fact]
    public async Task A_subgraph_without_entities_has_no_entities_field_and_may_have_no_query_type()
    {
        var subgraph = Subgraph.FromSdl("""
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
            type Mutation { touch: Boolean }
            """);

        Assert.Null(subgraph.Schema.GetType("_Entity"));
        Assert.Null(subgraph.Schema.QueryType!.GetField("_entities"));
        await SubgraphHarness.ExpectJsonAsync(subgraph, "{ _service { __typename } }", """{ "data": { "_service": { "__typename": "_Service" } } }""");
    }

    [Theory]
    [InlineData("""type Query { a: Int }""", "only Federation v2")]
    [InlineData("""extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@nonsense"]) type Query { a: Int }""", "\"@nonsense\"")]
    [InlineData("""extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { a: A } type A @key(fields: "nope") { id: ID }""", "\"nope\", which A does not have")]
    [InlineData("""extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { a: A } type A @key(fields: "b") { b: B } type B { c: Int }""", "must select fields of A.b")]
    [InlineData("""extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Query { a: A } type A @key(fields: "id(x: 1)") { id: ID }""", "only plain fields")]
    public void Bad_federation_sdl_is_refused_with_a_reason(string sdl, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Subgraph.FromSdl(sdl));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolvable_entity_without_a_resolver_is_refused_before_serving()
    {
        var subgraph = Subgraph.FromSdl(PopulationSdl)
            .Entity("Person", (r, c) => new(new object?[r.Count]));

        var error = Assert.Throws<InvalidOperationException>(subgraph.EnsureComplete);
        Assert.Contains("Address", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Municipality", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => subgraph.Entity("Name", (r, c) => new(new object?[r.Count])));
    }
}
