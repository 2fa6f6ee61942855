using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

/// <summary>Repeated names can only come from schemas built in code: SDL with them is rejected before it is built.</summary>
public sealed class UniqueNamesTests
{
    [Fact]
    public void Distinct_names_are_valid() =>
        ExpectValidSchema(new Schema(
            Object("Query", Field("a", StringType, Argument("x", IntType), Argument("y", IntType)), Field("b", StringType)),
            directives: [new DirectiveDefinition("d", [DirectiveLocation.Field]) { Arguments = [Argument("x", IntType), Argument("y", IntType)] }]));

    [Fact]
    public void Repeated_field_and_argument_names_are_reported() =>
        ExpectSchemaErrors(
            new Schema(Object(
                "Query",
                Field("a", StringType, Argument("x", IntType), Argument("y", IntType), Argument("x", StringType), Argument("x", IntType)),
                Field("a", StringType))),
            ("Field \"Query.a\" can only be defined once.", ""),
            ("Argument \"Query.a(x:)\" can only be defined once.", ""));

    [Fact]
    public void Repeated_directive_argument_names_are_reported() =>
        ExpectSchemaErrors(
            new Schema(
                Object("Query", Field("a", StringType)),
                directives: [new DirectiveDefinition("d", [DirectiveLocation.Field]) { Arguments = [Argument("x", IntType), Argument("x", IntType)] }]),
            ("Argument \"@d(x:)\" can only be defined once.", ""));

    [Fact]
    public void Repeated_input_field_and_enum_value_names_are_reported() =>
        ExpectSchemaErrors(
            SchemaWith(
                new InputObjectType("In", () => [new InputValue("a", IntType), new InputValue("a", StringType)]),
                new EnumType("E", [new EnumValue("A"), new EnumValue("A")])),
            ("Field \"In.a\" can only be defined once.", ""),
            ("Enum value \"E.A\" can only be defined once.", ""));
}
