using Federation.GraphQL.Types;
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
}
