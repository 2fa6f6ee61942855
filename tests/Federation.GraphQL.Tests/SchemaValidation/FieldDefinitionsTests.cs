using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class FieldDefinitionsTests
{
    [Fact]
    public void Fields_of_output_types_with_input_arguments_are_valid()
    {
        var input = new InputObjectType("In", () => [new InputValue("a", IntType)]);
        ExpectValidSchema(new Schema(Object(
            "Query",
            Field("a", NonNull(List(StringType)), Argument("x", input), new InputValue("y", NonNull(IntType)) { DefaultValue = new Federation.GraphQL.Language.Syntax.IntValueNode("1"), DeprecationReason = "old" }))));
    }

    [Fact]
    public void Object_type_must_define_a_field() =>
        ExpectSchemaErrors(
            new Schema(Object("Query")),
            ("Type Query must define one or more fields.", ""));

    [Fact]
    public void Interface_type_must_define_a_field() =>
        ExpectSchemaErrors(
            SchemaWith(Interface("I")),
            ("Type I must define one or more fields.", ""));

    [Fact]
    public void Field_type_must_be_an_output_type()
    {
        var input = new InputObjectType("In", () => [new InputValue("a", IntType)]);
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("a", List(NonNull(input))))),
            ("The type of Query.a must be Output Type but got: [In!].", ""));
    }

    [Fact]
    public void Argument_type_must_be_an_input_type()
    {
        var output = Object("Out", Field("a", StringType));
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("a", StringType, Argument("x", NonNull(output))))),
            ("The type of Query.a(x:) must be Input Type but got: Out!.", ""));
    }

    [Fact]
    public void Required_argument_must_not_be_deprecated() =>
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("a", StringType, new InputValue("x", NonNull(IntType)) { DeprecationReason = "old" }))),
            ("Required argument Query.a(x:) cannot be deprecated.", ""));

    [Fact]
    public void Sdl_fields_are_valid() =>
        ExpectValidSchema(
            """
            type Query {
              user(id: ID!, filter: Filter, limit: Int! = 10 @deprecated): User
            }
            type User { name: String friends: [User!]! }
            input Filter { name: String }
            """);

    [Fact]
    public void Sdl_type_without_fields_points_at_definition_and_extensions() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            type Empty
            extend type Empty @onType
            directive @onType on OBJECT
            interface Nothing
            """,
            ("Type Empty must define one or more fields.", "2:1 3:1"),
            ("Type Nothing must define one or more fields.", "5:1"));

    [Fact]
    public void Sdl_field_must_be_an_output_type() =>
        ExpectSchemaErrors(
            """
            type Query {
              a: Filter
              b: [Filter!]
            }
            input Filter { name: String }
            """,
            ("The type of Query.a must be Output Type but got: Filter.", "2:6"),
            ("The type of Query.b must be Output Type but got: [Filter!].", "3:6"));

    [Fact]
    public void Sdl_argument_must_be_an_input_type() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: Query, y: [Shape!]!): Int
            }
            union Shape = Query
            """,
            ("The type of Query.a(x:) must be Input Type but got: Query.", "2:8"),
            ("The type of Query.a(y:) must be Input Type but got: [Shape!]!.", "2:18"));

    [Fact]
    public void Sdl_required_argument_must_not_be_deprecated() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: Int! @deprecated(reason: "old"), y: Int! = 1 @deprecated, z: Int @deprecated): Int
            }
            """,
            ("Required argument Query.a(x:) cannot be deprecated.", "2:13 2:8"));
}
