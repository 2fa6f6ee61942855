using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class InputObjectCircularReferencesTests
{
    [Fact]
    public void Cycles_broken_by_a_nullable_or_list_field_are_valid()
    {
        InputObjectType a = null!, b = null!;
        a = new InputObjectType("A", () => [new InputValue("b", NonNull(b)), new InputValue("self", a)]);
        b = new InputObjectType("B", () => [new InputValue("a", List(NonNull(a)))]);
        ExpectValidSchema(SchemaWith(a));
    }

    [Fact]
    public void Non_null_self_reference_is_reported()
    {
        InputObjectType a = null!;
        a = new InputObjectType("A", () => [new InputValue("self", NonNull(a))]);
        ExpectSchemaErrors(
            SchemaWith(a),
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.self.", ""));
    }

    [Fact]
    public void Non_null_cycle_through_another_type_is_reported_once()
    {
        InputObjectType a = null!, b = null!;
        a = new InputObjectType("A", () => [new InputValue("b", NonNull(b))]);
        b = new InputObjectType("B", () => [new InputValue("a", NonNull(a))]);
        var error = SchemaValidator(SchemaWith(a, b));
        Assert.Single(error);
        Assert.Matches(
            "^Input Object (A|B) cannot be provided a finite value because it references itself through fields: (A.b, B.a|B.a, A.b)\\.$",
            error[0].Message);
    }

    [Fact]
    public void OneOf_whose_every_field_leads_back_is_reported()
    {
        InputObjectType a = null!, b = null!;
        a = new InputObjectType("A", () => [new InputValue("a", a), new InputValue("b", b)]) { IsOneOf = true };
        b = new InputObjectType("B", () => [new InputValue("a", a)]) { IsOneOf = true };
        ExpectSchemaErrors(
            SchemaWith(a, b),
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.a.", ""),
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.", ""));
    }

    [Fact]
    public void OneOf_with_a_leaf_field_is_finite()
    {
        InputObjectType a = null!;
        a = new InputObjectType("A", () => [new InputValue("self", a), new InputValue("leaf", IntType)]) { IsOneOf = true };
        ExpectValidSchema(SchemaWith(a));
    }

    private static IReadOnlyList<GraphQLError> SchemaValidator(Schema schema) =>
        Types.SchemaValidation.SchemaValidator.Validate(schema);
}
