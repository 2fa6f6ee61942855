using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;
using static Federation.GraphQL.Tests.Types.SchemaHarness;

namespace Federation.GraphQL.Tests.Types;

/// <summary>
/// SchemaBuilder against graphql-js 17.1.0's buildSchema / extendSchema: every expected text
/// below is what graphql-js's printSchema printed for the same SDL.
/// </summary>
public sealed class SchemaBuilderTests
{
    [Fact]
    public void Roots_default_to_the_types_named_Query_Mutation_and_Subscription()
    {
        var schema = Build("""
            type Query { a: Int }
            type Subscription { s: Int }
            type Mutation { m: Int }
            """);

        Assert.Equal("Query", schema.QueryType?.Name);
        Assert.Equal("Mutation", schema.MutationType?.Name);
        Assert.Equal("Subscription", schema.SubscriptionType?.Name);
        Assert.Equal(
            "Query, Int, Subscription, Mutation, Boolean, String, __Schema, __Type, __TypeKind, __Field, __InputValue, __EnumValue, __Directive, __DirectiveLocation",
            TypeNames(schema));
    }

    [Fact]
    public void A_schema_definition_names_the_roots_and_is_printed_when_they_are_not_the_default()
    {
        ExpectPrinted(
            """
            schema { query: Root mutation: Change }
            type Change { b(x: [Int!]! = [1]): Boolean }
            type Root { a: String }
            """,
            """
            schema {
              query: Root
              mutation: Change
            }

            type Change {
              b(x: [Int!]! = [1]): Boolean
            }

            type Root {
              a: String
            }
            """);
    }

    [Fact]
    public void A_schema_description_forces_the_schema_definition()
    {
        var schema = Build("""
            "Described schema"
            schema { query: Query }
            type Query { a: Int }
            """);

        Assert.Equal("Described schema", schema.Description);
        Assert.Equal(
            """
            "Described schema"
            schema {
              query: Query
            }

            type Query {
              a: Int
            }
            """.Replace("\"Described schema\"", "\"\"\"Described schema\"\"\"", StringComparison.Ordinal),
            SchemaPrinter.Print(schema));
    }

    [Fact]
    public void A_schema_extension_adds_a_root()
    {
        var schema = Build("""
            type Query { a: Int }
            extend schema { mutation: M }
            type M { m: Int }
            """);

        Assert.Equal("M", schema.MutationType?.Name);
        Assert.Single(schema.ExtensionDefinitions);
    }

    [Fact]
    public void Extensions_of_every_kind_in_the_same_document_are_folded_in()
    {
        ExpectPrinted(
            """
            extend type Query { b: Int }
            type Query { a: Int }
            extend type Query implements Node { id: ID! }
            interface Node { id: ID! }
            extend interface Node @tag
            directive @tag on INTERFACE | OBJECT | UNION | ENUM | INPUT_OBJECT | SCALAR | SCHEMA
            extend union U = B
            union U = A
            type A { a: Int }
            type B { b: Int }
            extend enum E { C }
            enum E { A B @deprecated }
            extend input I { b: Int = 2 }
            input I { a: String = "x" }
            extend scalar S @specifiedBy(url: "https://s")
            scalar S
            extend schema @tag
            type Mutation { m(i: I, e: E = A, u: S): U }
            """,
            """
            directive @tag on INTERFACE | OBJECT | UNION | ENUM | INPUT_OBJECT | SCALAR | SCHEMA

            type Query implements Node {
              a: Int
              b: Int
              id: ID!
            }

            interface Node {
              id: ID!
            }

            union U = A | B

            type A {
              a: Int
            }

            type B {
              b: Int
            }

            enum E {
              A
              B @deprecated
              C
            }

            input I {
              a: String = "x"
              b: Int = 2
            }

            scalar S @specifiedBy(url: "https://s")

            type Mutation {
              m(i: I, e: E = A, u: S): U
            }
            """);
    }

    [Fact]
    public void Definitions_and_extensions_are_kept_with_their_applied_directives()
    {
        var schema = Build("""
            directive @tag(name: String) repeatable on OBJECT | FIELD_DEFINITION
            type Query @tag(name: "a") { a: Int @tag(name: "f") @tag(name: "g") }
            extend type Query @tag(name: "b")
            """);

        var query = schema.QueryType!;
        Assert.IsType<ObjectTypeDefinitionNode>(query.Definition);
        Assert.Single(query.ExtensionDefinitions);
        Assert.Equal(["a", "b"], query.AppliedDirectives.Select(d => ((StringValueNode)d.Arguments[0].Value).Value));
        Assert.Equal(2, query.GetField("a")!.AppliedDirectives.Count);
        Assert.True(schema.GetDirective("tag")!.IsRepeatable);
    }

    [Fact]
    public void Deprecation_reasons_default_to_No_longer_supported()
    {
        var schema = Build("""
            type Query {
              a: Int @deprecated
              b(x: Int @deprecated(reason: "use y"), y: Int): Int
            }
            input I { f: Int @deprecated }
            enum E { V @deprecated(reason: "") }
            directive @d @deprecated on FIELD
            """);

        var query = schema.QueryType!;
        Assert.Equal("No longer supported", query.GetField("a")!.DeprecationReason);
        Assert.Equal("use y", query.GetField("b")!.GetArgument("x")!.DeprecationReason);
        Assert.Null(query.GetField("b")!.GetArgument("y")!.DeprecationReason);
        Assert.Equal("No longer supported", ((InputObjectType)schema.GetType("I")!).GetField("f")!.DeprecationReason);
        Assert.Equal(string.Empty, ((EnumType)schema.GetType("E")!).GetValue("V")!.DeprecationReason);
        Assert.True(schema.GetDirective("d")!.IsDeprecated);
    }

    [Fact]
    public void Default_values_are_kept_as_literals()
    {
        var schema = Build("""
            type Query { a(x: [Int] = [1, 2], o: In = { b: "c" }, e: E = V): Int }
            input In { b: String }
            enum E { V }
            """);

        var field = schema.QueryType!.GetField("a")!;
        Assert.IsType<ListValueNode>(field.GetArgument("x")!.DefaultValue);
        Assert.IsType<ObjectValueNode>(field.GetArgument("o")!.DefaultValue);
        Assert.IsType<EnumValueNode>(field.GetArgument("e")!.DefaultValue);
    }

    [Fact]
    public void SpecifiedBy_and_OneOf_shape_scalars_and_input_objects()
    {
        var schema = Build("""
            scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            input Choice @oneOf { a: Int b: String }
            input Plain { a: Int }
            type Query { d(c: Choice, p: Plain): Date }
            """);

        Assert.Equal("https://tools.ietf.org/html/rfc3339", ((ScalarType)schema.GetType("Date")!).SpecifiedByUrl);
        Assert.True(((InputObjectType)schema.GetType("Choice")!).IsOneOf);
        Assert.False(((InputObjectType)schema.GetType("Plain")!).IsOneOf);
    }

    [Fact]
    public void Custom_scalars_coerce_by_identity()
    {
        var date = (ScalarType)Build("scalar Date type Query { d: Date }").GetType("Date")!;
        var value = new DateOnly(2025, 9, 1);
        const string text = "2025-09-01";

        Assert.Same(text, date.ParseValue(text));
        Assert.Equal(value, date.Serialize(value));
        Assert.Equal("x", date.ParseLiteral(new StringValueNode("x")));
    }

    [Fact]
    public void Redefining_a_built_in_scalar_uses_the_built_in()
    {
        var schema = Build("""
            type Query { a: [[Int!]]! }
            scalar Int
            type Foo { f: Float }
            """);

        Assert.Same(Federation.GraphQL.Types.Scalars.SpecifiedScalars.Int, schema.GetType("Int"));
        Assert.Equal(
            "Query, Int, Foo, Float, Boolean, String, __Schema, __Type, __TypeKind, __Field, __InputValue, __EnumValue, __Directive, __DirectiveLocation",
            TypeNames(schema));
    }

    [Fact]
    public void Redefined_specified_directives_replace_the_built_in_ones()
    {
        var schema = Build("""
            type Query { a: Int }
            directive @skip(if: Boolean!) on FIELD
            """);

        Assert.Equal(["skip", "include", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
        Assert.Equal([DirectiveLocation.Field], schema.GetDirective("skip")!.Locations);
    }

    [Fact]
    public void Extend_adds_types_fields_roots_and_directives_and_keeps_resolvers()
    {
        var schema = Build("type Query { a: Int }");
        schema.Bind("Query.a", _ => new(1));

        var extended = SchemaBuilder.Extend(schema, Parser.Parse("""
            extend type Query { b: String }
            type Extra { c: Int }
            extend schema { mutation: Extra }
            directive @x(a: Extra) @deprecated(reason: "x") on FIELD
            """));

        Assert.NotSame(schema, extended);
        Assert.NotNull(extended.QueryType!.GetField("a")!.Resolver);
        Assert.Null(schema.QueryType!.GetField("b"));
        Assert.Equal(
            """
            schema {
              query: Query
              mutation: Extra
            }

            directive @x(a: Extra) @deprecated(reason: "x") on FIELD

            type Query {
              a: Int
              b: String
            }

            type Extra {
              c: Int
            }
            """,
            SchemaPrinter.Print(extended));
        Assert.Equal(
            "Query, Int, Boolean, String, __Schema, __Type, __TypeKind, __Field, __InputValue, __EnumValue, __Directive, __DirectiveLocation, Extra",
            TypeNames(extended));
    }

    [Fact]
    public void Extend_refers_to_the_rebuilt_types()
    {
        var schema = Build("""
            type Query { p: Person }
            type Person { name: String }
            """);

        var extended = SchemaBuilder.Extend(schema, Parser.Parse("extend type Person { age: Int }"));

        var person = (ObjectType)extended.QueryType!.GetField("p")!.Type;
        Assert.Same(extended.GetType("Person"), person);
        Assert.NotNull(person.GetField("age"));
    }

    [Fact]
    public void Extending_a_scalar_keeps_its_coercion()
    {
        var upper = new UpperScalar();
        var schema = new Schema(new ObjectType("Query", () => [new OutputField("u", upper)]));

        var extended = SchemaBuilder.Extend(schema, """extend scalar Upper @specifiedBy(url: "https://upper")""");

        var scalar = (ScalarType)extended.GetType("Upper")!;
        Assert.Equal("https://upper", scalar.SpecifiedByUrl);
        Assert.Equal("ABC", scalar.Serialize("abc"));
        Assert.Same(scalar, extended.QueryType!.GetField("u")!.Type);
    }

    [Fact]
    public void Every_SDL_error_is_kept()
    {
        var error = Assert.Throws<InvalidSdlException>(() => Build("type Query { a: Foo, b: [Bar!] }"));

        Assert.Equal(["Unknown type \"Foo\".", "Unknown type \"Bar\"."], error.Errors.Select(e => e.Message));
        Assert.Equal([new SourceLocation(1, 17)], error.Errors[0].Locations);
    }

    [Fact]
    public void Extend_without_type_system_definitions_returns_the_same_schema()
    {
        var schema = Build("type Query { a: Int }");

        Assert.Same(schema, SchemaBuilder.Extend(schema, Parser.Parse("{ a }")));
    }

    [Fact]
    public void Directive_extensions_deprecate_directives()
    {
        var schema = Build("""
            type Query { a: Int }
            directive @y on FIELD
            extend directive @y @deprecated(reason: "why")
            """);

        Assert.Equal("why", schema.GetDirective("y")!.DeprecationReason);
        Assert.Single(schema.GetDirective("y")!.ExtensionDefinitions);
    }

    [Fact]
    public void A_root_that_is_not_an_object_type_is_reported_for_schema_validation()
    {
        var schema = Build("""
            schema { query: Foo }
            scalar Foo
            """);

        Assert.Null(schema.QueryType);
        var (operation, type) = Assert.Single(schema.InvalidRootTypes);
        Assert.Equal(OperationType.Query, operation);
        Assert.Equal("Foo", type.Name);
    }

    [Fact]
    public void Interfaces_and_members_of_the_wrong_kind_are_kept_for_schema_validation()
    {
        var schema = Build("""
            type Query implements In { a: U }
            union U = A | In
            type A { a: Int }
            input In { x: Int }
            """);

        var union = (UnionType)schema.GetType("U")!;
        Assert.Equal(["A"], union.Types.Select(t => t.Name));
        Assert.Equal(["A", "In"], union.DeclaredTypes!().Select(t => t.Name));
        Assert.Empty(schema.QueryType!.Interfaces);
        Assert.Equal(["In"], schema.QueryType!.DeclaredInterfaces!().Select(t => t.Name));
        Assert.Equal(
            "Query, U, A, Int, In, Boolean, String, __Schema, __Type, __TypeKind, __Field, __InputValue, __EnumValue, __Directive, __DirectiveLocation",
            TypeNames(schema));
    }

    [Fact]
    public void Unknown_types_are_reported_together() =>
        ExpectBuildError("type Query { a: Foo, b: [Bar!] }", "Unknown type \"Foo\".\n\nUnknown type \"Bar\".");

    [Fact]
    public void Extending_an_undefined_type_fails() =>
        ExpectBuildError(
            """
            type Query { a: Int }
            extend type Nope { c: Int }
            """,
            "Cannot extend type \"Nope\" because it is not defined.");

    [Fact]
    public void A_type_defined_twice_fails() =>
        ExpectBuildError(
            """
            type Query { a: Int }
            type Query { b: Int }
            """,
            "There can be only one type named \"Query\".");

    [Fact]
    public void Defining_an_existing_type_in_an_extension_fails() =>
        ExpectBuildError("type Query { a: Int }", "Type \"Int\" already exists in the schema. It cannot also be defined in this type definition.", "scalar Int");

    [Fact]
    public void An_unknown_type_in_an_extension_fails() =>
        ExpectBuildError("type Query { a: Int }", "Unknown type \"Unknown\".", "extend type Query { b: Unknown }");

    [Fact]
    public void A_deprecation_reason_that_is_no_string_fails_at_the_value()
    {
        var error = ExpectBuildError(
            "type Query { a: String @deprecated(reason: 1) }",
            "Argument \"@deprecated(reason:)\" has invalid value: String cannot represent a non string value: 1");

        Assert.Equal([new SourceLocation(1, 44)], error.Error.Locations);
    }

    [Fact]
    public void SpecifiedBy_without_url_fails() =>
        ExpectBuildError(
            "scalar S @specifiedBy type Query { a: S }",
            "Argument \"@specifiedBy(url:)\" of type \"String!\" is required, but it was not provided.");

    private sealed class UpperScalar() : ScalarType("Upper")
    {
        public override object? Serialize(object value) => ((string)value).ToUpperInvariant();
    }
}
