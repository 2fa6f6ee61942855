using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class EnumValuesTests
{
    [Fact]
    public void Enum_with_values_is_valid() =>
        ExpectValidSchema(SchemaWith(new EnumType("E", [new EnumValue("A"), new EnumValue("B")])));

    [Fact]
    public void Enum_must_have_a_value() =>
        ExpectSchemaErrors(
            SchemaWith(new EnumType("E", [])),
            ("Enum type E must define one or more values.", ""));

    [Fact]
    public void Enum_value_name_must_not_begin_with_two_underscores() =>
        ExpectSchemaErrors(
            SchemaWith(new EnumType("E", [new EnumValue("__A")])),
            ("Name \"__A\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""));

    [Fact]
    public void Sdl_enum_is_valid() =>
        ExpectValidSchema(
            """
            type Query { a: Color }
            enum Color { RED GREEN @deprecated }
            """);

    [Fact]
    public void Sdl_enum_without_values() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            enum Empty
            extend enum Empty @tag
            directive @tag on ENUM
            """,
            ("Enum type Empty must define one or more values.", "2:1 3:1"));
}
