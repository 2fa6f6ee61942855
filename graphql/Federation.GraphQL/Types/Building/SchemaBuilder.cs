using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Building;

/// <summary>
/// Builds a <see cref="Schema"/> from type system definitions (SDL), as graphql-js 17.1.0's
/// <c>buildASTSchema</c> and <c>extendSchema</c> do: types in document order, extensions folded
/// into what they extend, default root types named Query, Mutation and Subscription when there is
/// no schema definition, the specified directives added unless redefined. Custom scalars coerce
/// by identity. Resolvers are attached afterwards with <see cref="Schema.Bind(string, Execution.FieldResolver)"/>.
/// </summary>
public static class SchemaBuilder
{
    /// <summary>Parses <paramref name="sdl"/> and builds the schema it defines (graphql-js <c>buildSchema</c>).</summary>
    /// <exception cref="Language.GraphQLSyntaxException">The text does not parse.</exception>
    /// <exception cref="InvalidSdlException">The document is not a valid schema.</exception>
    public static Schema FromSdl([StringSyntax("graphql")] string sdl) => FromDocument(Parser.Parse(sdl));

    /// <summary>https://spec.graphql.org/September2025/#sec-Type-System</summary>
    /// <exception cref="GraphQLException">The document is not a valid schema (<see cref="InvalidSdlException"/>).</exception>
    public static Schema FromDocument(DocumentNode document)
    {
        SdlValidation.AssertValid(document, existing: null);
        return new SchemaAssembler(existing: null, document).Assemble();
    }

    /// <summary>
    /// https://spec.graphql.org/September2025/#sec-Type-System-Extensions — a new schema with the
    /// definitions and extensions of the document added to <paramref name="schema"/>;
    /// <paramref name="schema"/> itself when the document holds no type system definition.
    /// Resolvers and type resolvers of the existing types are kept.
    /// </summary>
    public static Schema Extend(Schema schema, [StringSyntax("graphql")] string sdl) => Extend(schema, Parser.Parse(sdl));

    /// <inheritdoc cref="Extend(Schema, string)"/>
    public static Schema Extend(Schema schema, DocumentNode document)
    {
        SdlValidation.AssertValid(document, schema);
        return new SchemaAssembler(schema, document).Assemble();
    }
}

/// <summary>The SDL a schema was to be built from breaks the rules; every broken rule is an error.</summary>
public sealed class InvalidSdlException(IReadOnlyList<GraphQLError> errors) : GraphQLException(errors[0])
{
    public IReadOnlyList<GraphQLError> Errors { get; } = errors;

    /// <summary>The messages joined by blank lines, as graphql-js's assertValidSDL words it.</summary>
    public override string Message => string.Join("\n\n", Errors.Select(e => e.Message));
}
