using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;
using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>ResolveAbstractType: https://spec.graphql.org/September2025/#ResolveAbstractType()</summary>
public sealed class AbstractTypeTests
{
    private const string Sdl = """
        type Query { u: U node: Node nodes: [Node] }
        union U = A | B
        interface Node { id: ID! }
        type A implements Node { id: ID! a: Int }
        type B implements Node { id: ID! b: Int }
        type C { c: Int }
        """;

    [Fact]
    public Task The_default_resolver_reads_typename() =>
        ExpectJson(
            Schema(Sdl),
            "{ u { __typename ... on A { a } ... on B { b } } node { id ... on B { b } } }",
            """{"data":{"u":{"__typename":"A","a":1},"node":{"id":"5","b":2}}}""",
            Json("""{"u":{"__typename":"A","a":1},"node":{"__typename":"B","id":5,"b":2}}"""));

    [Fact]
    public Task A_type_resolver_on_the_abstract_type_decides()
    {
        var schema = Schema(Sdl).BindType("Node", value => value is Dictionary<string, object?> map && map.ContainsKey("b") ? "B" : "A");
        return ExpectJson(
            schema,
            "{ nodes { id __typename } }",
            """{"data":{"nodes":[{"id":"1","__typename":"A"},{"id":"2","__typename":"B"}]}}""",
            Map(("nodes", new object?[] { Map(("id", 1)), Map(("id", 2), ("b", 0)) })));
    }

    [Fact]
    public Task IsTypeOf_decides_when_there_is_no_type_resolver()
    {
        ObjectType? a = null;
        ObjectType? b = null;
        var node = new InterfaceType("Node", () => [new OutputField("id", new NonNullType(SpecifiedScalars.ID))]);
        a = new ObjectType("A", () => [new OutputField("id", new NonNullType(SpecifiedScalars.ID))], () => [node]) { IsTypeOf = value => value is string s && s.StartsWith('a') };
        b = new ObjectType("B", () => [new OutputField("id", new NonNullType(SpecifiedScalars.ID))], () => [node]) { IsTypeOf = value => value is string s && s.StartsWith('b') };
        var query = new ObjectType("Query", () => [new OutputField("nodes", new ListType(node)) { Resolver = _ => new(new object?[] { "a1", "b2" }) }]);
        var schema = new Schema(query, types: [a, b]);
        foreach (var field in new[] { a.GetField("id")!, b.GetField("id")! })
        {
            field.Resolver = context => new(context.Source);
        }

        return ExpectJson(schema, "{ nodes { __typename id } }", """{"data":{"nodes":[{"__typename":"A","id":"a1"},{"__typename":"B","id":"b2"}]}}""");
    }

    [Theory]
    [InlineData("{}", "Abstract type \\\"U\\\" must resolve to an Object type at runtime for field \\\"Query.u\\\". Either the \\\"U\\\" type should provide a \\\"resolveType\\\" function or each possible type should provide an \\\"isTypeOf\\\" function.")]
    [InlineData("""{"__typename":"Nope"}""", "Abstract type \\\"U\\\" was resolved to a type \\\"Nope\\\" that does not exist inside the schema.")]
    [InlineData("""{"__typename":"Node"}""", "Abstract type \\\"U\\\" was resolved to a non-object type \\\"Node\\\".")]
    [InlineData("""{"__typename":"C"}""", "Runtime Object type \\\"C\\\" is not a possible type for \\\"U\\\".")]
    public Task Unresolvable_runtime_types(string value, string message) =>
        ExpectJson(
            Schema(Sdl + " type Extra { c: C }"),
            "{ u { __typename } }",
            $$$"""{"errors":[{"message":"{{{message}}}","locations":[{"line":1,"column":3}],"path":["u"]}],"data":{"u":null}}""",
            Json($$$"""{"u":{{{value}}}}"""));

    [Fact]
    public Task An_object_type_that_is_not_an_implementation() =>
        ExpectJson(
            Schema(Sdl),
            "{ node { id } }",
            """{"errors":[{"message":"Runtime Object type \"Query\" is not a possible type for \"Node\".","locations":[{"line":1,"column":3}],"path":["node"]}],"data":{"node":null}}""",
            Json("""{"node":{"__typename":"Query"}}"""));

    [Fact]
    public Task IsTypeOf_rejecting_a_value_of_an_object_field()
    {
        var obj = new ObjectType("Obj", () => [new OutputField("x", SpecifiedScalars.Int)]) { IsTypeOf = value => value is int };
        var schema = new Schema(new ObjectType("Query", () => [new OutputField("obj", obj) { Resolver = _ => new("text") }]));
        return ExpectJson(
            schema,
            "{ obj { x } }",
            """{"errors":[{"message":"Expected value of type \"Obj\" but got: \"text\".","locations":[{"line":1,"column":3}],"path":["obj"]}],"data":{"obj":null}}""");
    }
}
