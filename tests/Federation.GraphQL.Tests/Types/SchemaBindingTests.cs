using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.Types.SchemaHarness;

namespace Federation.GraphQL.Tests.Types;

public sealed class SchemaBindingTests
{
    [Fact]
    public void Bind_attaches_field_and_type_resolvers_by_coordinate()
    {
        var schema = Build("""
            type Query { person: Person node: Node }
            interface Node { id: ID! }
            type Person implements Node { id: ID! }
            """)
            .Bind("Query.person", _ => new("ada"))
            .Bind("Node.id", _ => new("1"))
            .BindType("Node", _ => "Person");

        Assert.NotNull(schema.QueryType!.GetField("person")!.Resolver);
        Assert.NotNull(((InterfaceType)schema.GetType("Node")!).GetField("id")!.Resolver);
        Assert.Equal("Person", ((InterfaceType)schema.GetType("Node")!).ResolveType!(new object()));
    }

    [Theory]
    [InlineData("Query.nope")]
    [InlineData("Nope.a")]
    [InlineData("Query")]
    [InlineData("Int.a")]
    public void Bind_rejects_unknown_coordinates(string coordinate)
    {
        var schema = Build("type Query { a: Int }");

        var error = Assert.Throws<ArgumentException>(() => schema.Bind(coordinate, _ => new(1)));
        Assert.StartsWith($"The schema has no field \"{coordinate}\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindType_rejects_types_that_are_not_abstract() =>
        Assert.Throws<ArgumentException>(() => Build("type Query { a: Int }").BindType("Query", _ => "Query"));
}
