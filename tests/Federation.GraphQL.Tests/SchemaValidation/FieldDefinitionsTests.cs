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
            Field("a", NonNull(List(StringType)), Argument("x", input), new InputValue("y", NonNull(IntType)) { DefaultValue = new Language.Syntax.IntValueNode("1"), DeprecationReason = "old" }))));
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
}
