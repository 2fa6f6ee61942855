using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

public sealed partial class Schema
{
    private IReadOnlyList<GraphQLError>? validationErrors;

    /// <summary>
    /// Root operation types that SDL names but that are not object types. graphql-js keeps such a
    /// type as the root and reports it in validateSchema; a schema builder records it here so that
    /// <see cref="SchemaValidation.SchemaValidator"/> can report it the same way.
    /// </summary>
    internal IReadOnlyList<KeyValuePair<OperationType, NamedType>> NonObjectRootTypes { get; init; } = [];

    /// <summary>The result of <see cref="SchemaValidation.SchemaValidator.Validate"/>, once computed (graphql-js's __validationErrors).</summary>
    internal IReadOnlyList<GraphQLError>? ValidationErrors
    {
        get => Volatile.Read(ref validationErrors);
        set => Volatile.Write(ref validationErrors, value);
    }
}
