using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.GraphQL.Types.Scalars;
using Federation.GraphQL.Types.SchemaValidation;
using Xunit;

namespace Federation.GraphQL.Tests.SchemaValidation;

/// <summary>
/// Checks <see cref="SchemaValidator.Validate"/> against the errors graphql-js 17.1.0's
/// validateSchema gives: each expected error is its message and its locations as
/// "line:column" separated by spaces ("" for none).
/// </summary>
internal static class SchemaValidationHarness
{
    public static void ExpectValidSchema(Schema schema) => ExpectSchemaErrors(schema);

    public static void ExpectValidSchema([StringSyntax("graphql")] string sdl) => ExpectSchemaErrors(sdl);

    /// <summary>Builds the schema as graphql-js's buildSchema does (the SDL rules apply), then validates it.</summary>
    public static void ExpectSchemaErrors([StringSyntax("graphql")] string sdl, params (string Message, string Locations)[] expected) =>
        ExpectSchemaErrors(SchemaBuilder.FromDocument(Parser.Parse(sdl)), expected);

    public static void ExpectSchemaErrors(Schema schema, params (string Message, string Locations)[] expected)
    {
        var actual = SchemaValidator.Validate(schema)
            .Select(error => (error.Message, string.Join(" ", error.Locations.Select(l => $"{l.Line}:{l.Column}"))))
            .ToArray();
        Assert.Equal(Print(expected), Print(actual));
    }

    // Compared as text so that a failure shows every error, one a line.
    private static string Print((string Message, string Locations)[] errors) =>
        string.Join("\n", errors.Select(error => error.Locations.Length == 0 ? error.Message : $"{error.Message} @ {error.Locations}"));
}

/// <summary>Short ways to build a schema in code, for the cases SDL cannot express or before it is parsed.</summary>
internal static class TypeFactory
{
    public static ScalarType IntType => SpecifiedScalars.Int;

    public static ScalarType StringType => SpecifiedScalars.String;

    public static ObjectType Object(string name, params OutputField[] fields) => new(name, () => fields);

    public static ObjectType Object(string name, Func<IEnumerable<InterfaceType>> interfaces, params OutputField[] fields) =>
        new(name, () => fields, interfaces);

    public static InterfaceType Interface(string name, params OutputField[] fields) => new(name, () => fields);

    public static InterfaceType Interface(string name, Func<IEnumerable<InterfaceType>> interfaces, params OutputField[] fields) =>
        new(name, () => fields, interfaces);

    public static OutputField Field(string name, GraphQLType type, params InputValue[] arguments) => new(name, type) { Arguments = arguments };

    public static InputValue Argument(string name, GraphQLType type) => new(name, type);

    public static NonNullType NonNull(GraphQLType type) => new(type);

    public static ListType List(GraphQLType type) => new(type);

    /// <summary>A schema with a valid query type and the given types.</summary>
    public static Schema SchemaWith(params NamedType[] types) =>
        new(Object("Query", Field("f", StringType)), types: types);
}
