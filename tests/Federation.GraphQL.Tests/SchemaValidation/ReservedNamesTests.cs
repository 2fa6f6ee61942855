using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class ReservedNamesTests
{
    [Fact]
    public void Names_of_the_name_grammar_are_valid() =>
        ExpectValidSchema(SchemaWith(new EnumType("_Under_score9", [new EnumValue("_x"), new EnumValue("Y_1")])));

    [Fact]
    public void Type_name_must_not_begin_with_two_underscores() =>
        ExpectSchemaErrors(
            SchemaWith(new ScalarType("__Custom")),
            ("Name \"__Custom\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""));

    [Fact]
    public void Field_and_argument_names_must_not_begin_with_two_underscores() =>
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("__f", StringType, Argument("__a", IntType)))),
            ("Name \"__f\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""),
            ("Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""));

    [Fact]
    public void Names_outside_the_grammar_get_graphql_js_construction_messages() =>
        ExpectSchemaErrors(
            SchemaWith(
                new ScalarType(""),
                new ScalarType("1st"),
                new ScalarType("a-b"),
                new EnumType("E", [new EnumValue("true"), new EnumValue("null"), new EnumValue("ok")])),
            ("Expected name to be a non-empty string.", ""),
            ("Names must start with [_a-zA-Z] but \"1st\" does not.", ""),
            ("Names must only contain [_a-zA-Z0-9] but \"a-b\" does not.", ""),
            ("Enum values cannot be named: true", ""),
            ("Enum values cannot be named: null", ""));
}
