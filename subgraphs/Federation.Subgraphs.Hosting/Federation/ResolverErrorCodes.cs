using Federation.GraphQL;

namespace Federation.Subgraphs.Hosting;

/// <summary>Codes of the errors every resolver of a subgraph can report, whatever the field, in <c>extensions.code</c>.</summary>
public static class ResolverErrorCodes
{
    /// <summary>A text argument holds what no register stores as text: U+0000, or half of a surrogate pair.</summary>
    public const string InvalidText = "INVALID_TEXT";

    /// <summary>The resolver failed unexpectedly (a database error, a bug); the details are in the subgraph's log, not in the response.</summary>
    public const string InternalError = "INTERNAL_SERVER_ERROR";

    public static GraphQLException TextNotAccepted(string argument, string problem) => Error(
        InvalidText, $"The argument `{argument}` holds {problem}, which text in the register cannot hold.");

    /// <param name="traceId">The request's trace identifier, which the log entry carries too, so staff can find it.</param>
    public static GraphQLException Unexpected(string? traceId) => new(new GraphQLError(
        "The subgraph could not answer this field; the failure is logged.",
        extensions: traceId is null
            ? new Dictionary<string, object?> { ["code"] = InternalError }
            : new Dictionary<string, object?> { ["code"] = InternalError, ["traceId"] = traceId }));

    private static GraphQLException Error(string code, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
