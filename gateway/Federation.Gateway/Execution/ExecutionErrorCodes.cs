using Federation.GraphQL;

namespace Federation.Gateway.Execution;

/// <summary>
/// The error codes of running a plan, each with its one factory. Every error a subgraph causes
/// carries <c>extensions.subgraph</c>, the subgraph's name.
/// </summary>
internal static class ExecutionErrorCodes
{
    /// <summary>The subgraph could not be reached or answered with an HTTP error status.</summary>
    public const string SubgraphUnavailable = "SUBGRAPH_UNAVAILABLE";

    /// <summary>The subgraph did not answer within its timeout.</summary>
    public const string SubgraphTimeout = "SUBGRAPH_TIMEOUT";

    /// <summary>The subgraph answered with something that is not a GraphQL response.</summary>
    public const string SubgraphInvalidResponse = "SUBGRAPH_INVALID_RESPONSE";

    /// <summary>
    /// An object the plan fetches more of lacks a field the next fetch is built from (a key or a
    /// <c>@requires</c> field): the subgraphs before it answered without it.
    /// </summary>
    public const string EntityRepresentationIncomplete = "ENTITY_REPRESENTATION_INCOMPLETE";

    /// <param name="field">The field the answers lack; null for one the API schema does not show (<c>@inaccessible</c>), which is not named.</param>
    public static GraphQLError RepresentationIncomplete(string subgraph, string path, string? field) =>
        Coded(
            $"The gateway cannot ask subgraph \"{subgraph}\" for the object at \"{path}\": the answers before lack {(field is null ? "a field" : $"its field \"{field}\"")}, which the request to \"{subgraph}\" is built from.",
            EntityRepresentationIncomplete,
            subgraph);

    public static GraphQLError Unavailable(string subgraph, string reason) =>
        Coded($"Subgraph \"{subgraph}\" is unavailable: {reason}", SubgraphUnavailable, subgraph);

    public static GraphQLError Timeout(string subgraph, TimeSpan timeout) =>
        Coded($"Subgraph \"{subgraph}\" did not answer within {timeout.TotalMilliseconds:0} ms.", SubgraphTimeout, subgraph);

    public static GraphQLError InvalidResponse(string subgraph, string reason) =>
        Coded($"Subgraph \"{subgraph}\" gave an invalid response: {reason}", SubgraphInvalidResponse, subgraph);

    /// <summary>An error the subgraph reported, passed on with its own extensions and the subgraph's name.</summary>
    public static GraphQLError FromSubgraph(string subgraph, string message, IReadOnlyDictionary<string, object?>? extensions)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                merged[key] = value;
            }
        }

        merged["subgraph"] = subgraph;
        return new GraphQLError(message, extensions: merged);
    }

    private static GraphQLError Coded(string message, string code, string subgraph) =>
        new(message, extensions: new Dictionary<string, object?> { ["code"] = code, ["subgraph"] = subgraph });
}
