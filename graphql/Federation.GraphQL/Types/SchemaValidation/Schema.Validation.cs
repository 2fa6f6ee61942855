namespace Federation.GraphQL.Types;

public sealed partial class Schema
{
    private IReadOnlyList<GraphQLError>? validationErrors;

    /// <summary>The result of <see cref="SchemaValidation.SchemaValidator.Validate"/>, once computed (graphql-js's __validationErrors).</summary>
    internal IReadOnlyList<GraphQLError>? ValidationErrors
    {
        get => Volatile.Read(ref validationErrors);
        set => Volatile.Write(ref validationErrors, value);
    }
}
