using Federation.GraphQL;

namespace Federation.Subgraphs.Hosting;

/// <summary>Codes of the errors <c>_entities</c> reports for a representation, in <c>extensions.code</c>.</summary>
public static class FederationErrorCodes
{
    /// <summary>The representation is not an object or has no string <c>__typename</c>.</summary>
    public const string InvalidRepresentation = "INVALID_REPRESENTATION";

    /// <summary>The <c>__typename</c> names no entity type of this subgraph.</summary>
    public const string UnknownEntityType = "UNKNOWN_ENTITY_TYPE";

    /// <summary>The representation lacks the fields of every resolvable <c>@key</c> of its type.</summary>
    public const string MissingKeyFields = "MISSING_KEY_FIELDS";

    /// <summary>The entity resolver answered with a list whose length differs from the batch's.</summary>
    public const string EntityResolverContract = "ENTITY_RESOLVER_CONTRACT";

    internal static GraphQLException Error(string code, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
