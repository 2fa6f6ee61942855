using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class DirectiveDefinitionsTests
{
    private static Schema SchemaWithDirective(DirectiveDefinition directive) =>
        new(Object("Query", Field("a", StringType)), directives: [directive]);

    [Fact]
    public void Directive_with_locations_and_input_arguments_is_valid() =>
        ExpectValidSchema(SchemaWithDirective(new DirectiveDefinition("good", [DirectiveLocation.Field])
        {
            Arguments = [Argument("a", NonNull(IntType)), new InputValue("b", StringType) { DeprecationReason = "old" }],
        }));

    [Fact]
    public void Directive_name_must_not_begin_with_two_underscores() =>
        ExpectSchemaErrors(
            SchemaWithDirective(new DirectiveDefinition("__bad", [DirectiveLocation.Field])),
            ("Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""));

    [Fact]
    public void Directive_must_have_a_location() =>
        ExpectSchemaErrors(
            SchemaWithDirective(new DirectiveDefinition("nowhere", [])),
            ("Directive @nowhere must include 1 or more locations.", ""));

    [Fact]
    public void Directive_arguments_are_checked()
    {
        var output = Object("Out", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWithDirective(new DirectiveDefinition("d", [DirectiveLocation.Field])
            {
                Arguments =
                [
                    Argument("__a", IntType),
                    Argument("b", output),
                    new InputValue("c", NonNull(IntType)) { DeprecationReason = "old" },
                ],
            }),
            ("Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.", ""),
            ("The type of @d(b:) must be Input Type but got: Out.", ""),
            ("Required argument @d(c:) cannot be deprecated.", ""));
    }

    [Fact]
    public void Sdl_directive_definitions_are_valid() =>
        ExpectValidSchema(
            """
            type Query { a: Int }
            directive @limit(max: Int! = 10, reason: String @deprecated) repeatable on FIELD | QUERY
            """);

    [Fact]
    public void Sdl_directive_name_and_arguments_are_checked() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            type Out { a: Int }
            directive @__internal on FIELD
            directive @d(
              __a: Int
              b: Out
              c: Int! @deprecated(reason: "gone")
            ) on FIELD
            """,
            ("Name \"__internal\" must not begin with \"__\", which is reserved by GraphQL introspection.", "3:1"),
            ("Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.", "5:3"),
            ("The type of @d(b:) must be Input Type but got: Out.", "6:3"),
            ("Required argument @d(c:) cannot be deprecated.", "7:11 7:6"));
}
