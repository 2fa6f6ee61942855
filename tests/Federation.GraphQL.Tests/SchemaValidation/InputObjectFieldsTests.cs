using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class InputObjectFieldsTests
{
    [Fact]
    public void Input_object_with_input_fields_is_valid() =>
        ExpectValidSchema(SchemaWith(new InputObjectType("In", () =>
        [
            new InputValue("a", NonNull(IntType)),
            new InputValue("b", NonNull(IntType)) { DefaultValue = new IntValueNode("1"), DeprecationReason = "old" },
            new InputValue("c", List(StringType)) { DeprecationReason = "old" },
        ])));

    [Fact]
    public void Input_object_must_define_a_field() =>
        ExpectSchemaErrors(
            SchemaWith(new InputObjectType("In", () => [])),
            ("Input Object type In must define one or more fields.", ""));

    [Fact]
    public void Input_field_checks()
    {
        var output = Object("Out", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(new InputObjectType("In", () =>
            [
                new InputValue("__a", IntType),
                new InputValue("b", List(output)),
                new InputValue("c", NonNull(IntType)) { DeprecationReason = "old" },
            ])),
            ("Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""),
            ("The type of In.b must be Input Type but got: [Out].", ""),
            ("Required input field In.c cannot be deprecated.", ""));
    }

    [Fact]
    public void OneOf_fields_are_nullable_and_without_default()
    {
        ExpectValidSchema(SchemaWith(new InputObjectType("Valid", () => [new InputValue("a", IntType), new InputValue("b", StringType)]) { IsOneOf = true }));
        ExpectSchemaErrors(
            SchemaWith(new InputObjectType("In", () =>
            [
                new InputValue("a", NonNull(IntType)),
                new InputValue("b", IntType) { DefaultValue = new IntValueNode("1") },
            ])
            { IsOneOf = true }),
            ("OneOf input field In.a must be nullable.", ""),
            ("OneOf input field In.b cannot have a default value.", ""));
    }

    [Fact]
    public void Sdl_input_object_is_valid() =>
        ExpectValidSchema(
            """
            type Query { a(x: In): Int }
            input In { a: Int! b: Int! = 1 @deprecated c: [In] d: String @deprecated }
            """);

    [Fact]
    public void Sdl_input_object_without_fields() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            input Empty
            extend input Empty @tag
            directive @tag on INPUT_OBJECT
            """,
            ("Input Object type Empty must define one or more fields.", "2:1 3:1"));

    [Fact]
    public void Sdl_input_field_checks() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            input In {
              a: Query
              b: [Query!]
              c: Int! @deprecated(reason: "old")
            }
            """,
            ("The type of In.a must be Input Type but got: Query.", "3:6"),
            ("The type of In.b must be Input Type but got: [Query!].", "4:6"),
            ("Required input field In.c cannot be deprecated.", "5:11 5:6"));

    [Fact]
    public void Sdl_oneOf_fields() =>
        ExpectSchemaErrors(
            """
            type Query { a(x: Choice): Int }
            input Choice @oneOf {
              a: Int!
              b: String = "x"
              c: Int
            }
            """,
            ("OneOf input field Choice.a must be nullable.", "3:6"),
            ("OneOf input field Choice.b cannot have a default value.", "4:3"));
}
