using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class UnionMembersTests
{
    [Fact]
    public void Union_of_distinct_objects_is_valid() =>
        ExpectValidSchema(SchemaWith(new UnionType("U", () => [Object("A", Field("a", StringType)), Object("B", Field("b", StringType))])));

    [Fact]
    public void Union_must_have_a_member() =>
        ExpectSchemaErrors(
            SchemaWith(new UnionType("U", () => [])),
            ("Union type U must define one or more member types.", ""));

    [Fact]
    public void Union_member_may_be_included_once()
    {
        var member = Object("A", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(new UnionType("U", () => [member, member])),
            ("Union type U can only include type A once.", ""));
    }

    [Fact]
    public void Sdl_union_is_valid() =>
        ExpectValidSchema(
            """
            type Query { a: Result }
            union Result = A | B
            type A { a: Int }
            type B { b: Int }
            """);

    [Fact]
    public void Sdl_union_without_members() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            union Empty
            extend union Empty @tag
            directive @tag on UNION
            """,
            ("Union type Empty must define one or more member types.", "2:1 3:1"));

    [Fact]
    public void Sdl_union_member_repeated() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            type A { a: Int }
            union U = A | A
            extend union U = A
            """,
            ("Union type U can only include type A once.", "3:11 3:15 4:18"),
            ("Union type U can only include type A once.", "3:11 3:15 4:18"));

    [Fact]
    public void Union_members_must_be_object_types()
    {
        var member = Object("A", Field("a", StringType));
        var iface = Interface("I", Field("a", StringType));
        var union = new UnionType("U", () => [member, member])
        {
            DeclaredTypes = () => [member, iface, member, iface],
        };
        ExpectSchemaErrors(
            SchemaWith(union, iface),
            ("Union type U can only include Object types, it cannot include I.", ""),
            ("Union type U can only include type A once.", ""),
            ("Union type U can only include type I once.", ""));
    }

    [Fact]
    public void Members_added_by_an_extension_are_located_in_it()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse(
            """
            type Query { test: BadUnion }
            type TypeA { field: String }
            type TypeB { field: String }
            union BadUnion = TypeA | TypeB | TypeA
            """));
        schema = SchemaBuilder.Extend(schema, Parser.Parse("extend union BadUnion = TypeB"));
        ExpectSchemaErrors(
            schema,
            ("Union type BadUnion can only include type TypeA once.", "4:18 4:34"),
            ("Union type BadUnion can only include type TypeB once.", "4:26 1:25"));
    }

    [Fact]
    public void Empty_union_extended_later_points_at_both()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse(
            """
            type Query { test: BadUnion }
            union BadUnion
            """));
        schema = SchemaBuilder.Extend(schema, Parser.Parse(
            """
            directive @test on UNION
            extend union BadUnion @test
            """));
        ExpectSchemaErrors(
            schema,
            ("Union type BadUnion must define one or more member types.", "2:1 2:1"));
    }
}
