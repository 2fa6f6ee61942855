using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;
using Xunit;
using static Federation.GraphQL.Tests.Types.SchemaHarness;

namespace Federation.GraphQL.Tests.Types;

/// <summary>
/// The schema lists its types in the order graphql-js 17.1.0's GraphQLSchema constructor gives
/// getTypeMap(), so that introspection's <c>types</c> are equal. Expected lists come from graphql-js
/// for the same types built in JavaScript.
/// </summary>
public sealed class TypeMapOrderTests
{
    private static readonly ObjectType C = new("C", () => [new OutputField("c", SpecifiedScalars.Float)]);
    private static readonly ObjectType B = new("B", () => [new OutputField("b", C)]);
    private static readonly ObjectType A = new("A", () => [new OutputField("a", B), new OutputField("s", SpecifiedScalars.String)]);
    private static readonly ObjectType D = new("D", () => [new OutputField("d", SpecifiedScalars.ID)]);
    private static readonly ObjectType Query = new("Query", () => [new OutputField("q", D), new OutputField("a", A)]);

    private const string IntrospectionTypes = "__Schema, __Type, __TypeKind, __Field, __InputValue, __EnumValue, __Directive, __DirectiveLocation";

    [Fact]
    public void Roots_then_directive_arguments_then_introspection() =>
        Assert.Equal($"Query, D, ID, A, B, C, Float, String, Boolean, {IntrospectionTypes}", TypeNames(new Schema(Query)));

    [Fact]
    public void Extra_types_come_first_each_followed_by_what_it_references()
    {
        Assert.Equal(
            $"A, String, B, C, Float, Query, D, ID, Boolean, {IntrospectionTypes}",
            TypeNames(new Schema(Query, types: [A, B])));
    }

    [Fact]
    public void An_extra_type_listed_again_moves_to_the_end_of_the_extra_types()
    {
        Assert.Equal(
            $"C, Float, A, String, B, Query, D, ID, Boolean, {IntrospectionTypes}",
            TypeNames(new Schema(Query, types: [B, A, B])));
    }

    [Fact]
    public void Types_only_directive_arguments_use_come_before_the_introspection_types()
    {
        var input = new InputObjectType("In", () => [new InputValue("x", SpecifiedScalars.Int)]);
        var directive = new DirectiveDefinition("dir", [DirectiveLocation.Field]) { Arguments = [new InputValue("i", input)] };

        Assert.Equal(
            "Query, D, ID, A, B, C, Float, String, In, Int, __Schema, __Type, __TypeKind, __Field, __InputValue, Boolean, __EnumValue, __Directive, __DirectiveLocation",
            TypeNames(new Schema(Query, directives: [directive])));
    }

    [Fact]
    public void Two_types_with_one_name_are_rejected()
    {
        var other = new ObjectType("D", () => [new OutputField("x", SpecifiedScalars.Int)]);

        var error = Assert.Throws<GraphQLException>(() => new Schema(Query, types: [other]));
        Assert.Equal("Schema must contain uniquely named types but contains multiple types named \"D\".", error.Message);
    }

    [Fact]
    public void Built_schemas_list_types_in_document_order()
    {
        Assert.Equal(
            $"Query, Int, ID, Node, U, A, B, E, I, String, S, Mutation, Boolean, {IntrospectionTypes}",
            TypeNames(Build("""
                type Query implements Node { a: Int id: ID! }
                interface Node { id: ID! }
                union U = A | B
                type A { a: Int }
                type B { b: Int }
                enum E { A }
                input I { a: String }
                scalar S
                type Mutation { m(i: I, e: E, u: S): U }
                """)));
    }
}
