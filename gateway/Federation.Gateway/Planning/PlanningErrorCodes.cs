using Federation.GraphQL;

namespace Federation.Gateway.Planning;

/// <summary>The error codes of query planning, each with its one factory.</summary>
internal static class PlanningErrorCodes
{
    public const string QueryPlanningFailed = "QUERY_PLANNING_FAILED";

    public static GraphQLError PlanningFailed(QueryPlanningException exception) =>
        new($"The gateway cannot plan this operation: {exception.Message}", extensions: new Dictionary<string, object?> { ["code"] = QueryPlanningFailed });
}
