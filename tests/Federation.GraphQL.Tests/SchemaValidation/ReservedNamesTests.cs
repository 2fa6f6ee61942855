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

    [Fact]
    public void Sdl_reserved_names_are_reported_where_defined() =>
        ExpectSchemaErrors(
            """
            type Query {
              __a(__b: Int): Int
            }
            scalar __Custom
            enum Color { RED __BLUE }
            input In { __c: Int }
            """,
            ("Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.", "2:3"),
            ("Name \"__b\" must not begin with \"__\", which is reserved by GraphQL introspection.", "2:7"),
            ("Name \"__Custom\" must not begin with \"__\", which is reserved by GraphQL introspection.", "4:1"),
            ("Name \"__BLUE\" must not begin with \"__\", which is reserved by GraphQL introspection.", "5:18"),
            ("Name \"__c\" must not begin with \"__\", which is reserved by GraphQL introspection.", "6:12"));

    [Fact]
    public void Sdl_introspection_type_names_may_be_used_by_introspection_only() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            type __Thing { a: Int }
            """,
            ("Name \"__Thing\" must not begin with \"__\", which is reserved by GraphQL introspection.", "2:1"));
}
