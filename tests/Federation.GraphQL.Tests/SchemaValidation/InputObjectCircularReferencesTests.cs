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
        ExpectSchemaErrors(
            SchemaWith(a, b),
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.", ""));
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

    [Fact]
    public void Sdl_breakable_cycles_are_valid() =>
        ExpectValidSchema(
            """
            type Query { a(x: A): Int }
            input A { b: B! c: A d: [A!]! }
            input B { a: A }
            """);

    [Fact]
    public void Sdl_non_null_cycles() =>
        ExpectSchemaErrors(
            """
            type Query { a(x: A): Int }
            input A { b: B! self: A! }
            input B { c: C! }
            input C { a: A! }
            """,
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.c, C.a.", "2:11 3:11 4:11"),
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.self.", "2:17"));

    [Fact]
    public void Sdl_type_that_only_reaches_a_cycle_is_not_itself_reported() =>
        ExpectSchemaErrors(
            """
            type Query { a(x: Outer): Int }
            input Outer { inner: Inner! }
            input Inner { again: Inner! }
            """,
            ("Input Object Inner cannot be provided a finite value because it references itself through fields: Inner.again.", "3:15"));

    [Fact]
    public void Sdl_oneOf_cycles() =>
        ExpectSchemaErrors(
            """
            type Query { a(x: A): Int }
            input A @oneOf { a: A b: B }
            input B @oneOf { a: A }
            input Escape @oneOf { self: Escape leaf: Int }
            input Needs { choice: A! }
            """,
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.a.", "2:18"),
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.", "2:23 3:18"));

    [Fact]
    public void Sdl_cycles_reported_from_each_entry_once() =>
        ExpectSchemaErrors(
            """
            type Query { a(x: A): Int }
            input A { b: B! }
            input B { a: A! c: C! }
            input C { b: B! }
            """,
            ("Input Object A cannot be provided a finite value because it references itself through fields: A.b, B.a.", "2:11 3:11"),
            ("Input Object B cannot be provided a finite value because it references itself through fields: B.c, C.b.", "3:17 4:11"));
}
