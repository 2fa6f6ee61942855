using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>The SDL rules (graphql-js specifiedSDLRules) used by the schema builder.</summary>
public sealed class SdlRulesTests : ValidationHarness
{
    [Fact]
    public void ValidSchema() => ExpectSdlErrors(
        """
            schema { query: Query }
            type Query { a(x: Int): String @deprecated }
            directive @custom(arg: Int!) repeatable on OBJECT | FIELD_DEFINITION
            type Other @custom(arg: 1) @custom(arg: 2) { b: Int }
            extend type Other { c: Int }
            """,
        null);

    [Fact]
    public void DuplicateSchemaAndOperationTypes() => ExpectSdlErrors(
        """
            schema { query: Query query: Query }
            schema { mutation: Query }
            extend schema { mutation: Query }
            type Query { a: Int }
            """,
        null,
        Error("There can be only one query type in schema.", (1, 10), (1, 23)),
        Error("Must provide only one schema definition.", (2, 1)),
        Error("There can be only one mutation type in schema.", (2, 10), (3, 17)));

    [Fact]
    public void DuplicateTypesFieldsValuesAndArguments() => ExpectSdlErrors(
        """
            type A { f: Int f: String g(x: Int, x: Int): Int }
            type A { h: Int }
            enum E { X Y X }
            extend enum E { Y }
            input I { a: Int a: Int }
            extend type A { f: Int }
            directive @d(a: Int, a: Int) on FIELD
            directive @d on FIELD
            """,
        null,
        Error("Field \"A.f\" can only be defined once.", (1, 10), (1, 17)),
        Error("Argument \"A.g(x:)\" can only be defined once.", (1, 29), (1, 37)),
        Error("There can be only one type named \"A\".", (1, 6), (2, 6)),
        Error("Enum value \"E.X\" can only be defined once.", (3, 10), (3, 14)),
        Error("Enum value \"E.Y\" can only be defined once.", (3, 12), (4, 17)),
        Error("Field \"I.a\" can only be defined once.", (5, 11), (5, 18)),
        Error("Field \"A.f\" can only be defined once.", (1, 10), (6, 17)),
        Error("Argument \"@d(a:)\" can only be defined once.", (7, 14), (7, 22)),
        Error("There can be only one directive named \"@d\".", (7, 12), (8, 12)));

    [Fact]
    public void UnknownTypesAndDirectives() => ExpectSdlErrors(
        """
            type A implements Unknown @unknown { f: Strng g(a: Inputt): [Bar!] h: __Type }
            type Bar { b: Int }
            directive @onObject on OBJECT
            scalar S @onObject @specifiedBy(url: "x") @specifiedBy(url: "y")
            """,
        null,
        Error("Unknown type \"Unknown\".", (1, 19)),
        Error("Unknown directive \"@unknown\".", (1, 27)),
        Error("Unknown type \"Strng\". Did you mean \"String\"?", (1, 41)),
        Error("Unknown type \"Inputt\". Did you mean \"Int\"?", (1, 52)),
        Error("The directive \"@specifiedBy\" can only be used once at this location.", (4, 20), (4, 43)),
        Error("Directive \"@onObject\" may not be used on SCALAR.", (4, 10)));

    [Fact]
    public void DirectiveArguments() => ExpectSdlErrors(
        """
            directive @d(required: Int!, optional: Int = 1) on OBJECT | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
            type A @d @d(required: 1, unknown: 2) { f(a: Int @d(required: 1)): Int @deprecated(reasn: "x") }
            input I { f: Int @d }
            """,
        null,
        Error("The directive \"@d\" can only be used once at this location.", (2, 8), (2, 11)),
        Error("Argument \"@d(required:)\" of type \"Int!\" is required, but it was not provided.", (2, 8)),
        Error("Unknown argument \"unknown\" on directive \"@d\".", (2, 27)),
        Error("Unknown argument \"reasn\" on directive \"@deprecated\". Did you mean \"reason\"?", (2, 84)),
        Error("Argument \"@d(required:)\" of type \"Int!\" is required, but it was not provided.", (3, 18)));

    [Fact]
    public void InvalidExtensions() => ExpectSdlErrors(
        """
            extend type Unknown { a: Int }
            scalar S
            extend type S { a: Int }
            extend input Quer { a: Int }
            type Query { a: Int }
            extend union Query = Query
            """,
        null,
        Error("Cannot extend type \"Unknown\" because it is not defined.", (1, 13)),
        Error("Cannot extend non-object type \"S\".", (2, 1), (3, 1)),
        Error("Cannot extend type \"Quer\" because it is not defined. Did you mean \"Query\"?", (4, 14)),
        Error("Cannot extend non-union type \"Query\".", (5, 1), (6, 1)));

    [Fact]
    public void ExtendingTheTestSchema() => ExpectSdlErrors(
        """
            schema { query: QueryRoot }
            extend schema { mutation: MutationRoot }
            type Dog { a: Int }
            extend type Dog { name: String newField: Int }
            extend enum FurColor { BROWN PURPLE }
            extend input ComplexInput { intField: Int }
            extend scalar String @unknown
            directive @onField on FIELD
            directive @include on FIELD
            extend interface Dog { a: Int }
            """,
        TestSchema.Schema,
        Error("Cannot define a new schema within a schema extension.", (1, 1)),
        Error("Type for query already defined in the schema. It cannot be redefined.", (1, 10)),
        Error("Type for mutation already defined in the schema. It cannot be redefined.", (2, 17)),
        Error("Type \"Dog\" already exists in the schema. It cannot also be defined in this type definition.", (3, 6)),
        Error("Field \"Dog.name\" already exists in the schema. It cannot also be defined in this type extension.", (4, 19)),
        Error("Enum value \"FurColor.BROWN\" already exists in the schema. It cannot also be defined in this type extension.", (5, 24)),
        Error("Field \"ComplexInput.intField\" already exists in the schema. It cannot also be defined in this type extension.", (6, 29)),
        Error("Unknown directive \"@unknown\".", (7, 22)),
        Error("Directive \"@onField\" already exists in the schema. It cannot be redefined.", (8, 12)),
        Error("Directive \"@include\" already exists in the schema. It cannot be redefined.", (9, 12)),
        Error("Field \"Dog.a\" can only be defined once.", (3, 12), (10, 24)),
        Error("Cannot extend non-interface type \"Dog\".", (3, 1), (10, 1)));

    [Fact]
    public void DuplicateInputFieldsInDirectiveValues() => ExpectSdlErrors(
        """
            directive @d(i: I) on OBJECT
            input I { a: Int }
            type A @d(i: { a: 1, a: 2 }) { f: Int }
            """,
        null,
        Error("There can be only one input field named \"a\".", (3, 16), (3, 22)));
}
