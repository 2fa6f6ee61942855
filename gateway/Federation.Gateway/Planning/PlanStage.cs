using Federation.Gateway.Platform;
using Federation.Gateway.Requests;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>
/// Plan: the query plan of what the subgraphs answer, from the cache or the planner. The platform's
/// root fields are the gateway's own (<see cref="PlatformGraph"/>): the planner sees the rest of the
/// document, without the fields authorization removed (<see cref="GatewayRequest.FieldAccess"/>),
/// under the request's plan key, which says both. The plan is left in the request
/// (<c>Get&lt;QueryPlan&gt;()</c>); none when the platform answers everything.
/// </summary>
/// <param name="overrides">The supergraph's progressive overrides: the request's enabled labels choose the planner and extend the plan key; null when it has none.</param>
internal sealed class PlanStage(QueryPlanner planner, QueryPlanCache plans, PlatformGraph? platform, ProgressiveOverride? overrides = null) : IRequestStage
{
    public RequestStep Step => RequestStep.Plan;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        DocumentNode? planned = request.Document;
        if (platform is not null)
        {
            var split = platform.Split(request.Document, request.Operation, request.Fragments);
            if (split.Error is { } mixed)
            {
                request.Answered(GatewayResult.Failed(mixed));
                return ValueTask.CompletedTask;
            }

            planned = split.SubgraphDocument;
        }

        if (planned is null)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            var operationName = request.OperationName;
            var access = request.FieldAccess;
            var (labelled, labels) = overrides is null ? (planner, "") : overrides.ForRequest();
            request.Set(plans.GetOrAdd(
                labels.Length == 0 ? request.PlanKey : request.PlanKey + "\n" + labels,
                operationName,
                () => labelled.Plan(access is null ? planned : access.DocumentToPlan(planned, operationName), operationName)));
        }
        catch (QueryPlanningException exception)
        {
            request.Answered(GatewayResult.Failed(PlanningErrorCodes.PlanningFailed(exception)));
        }

        return ValueTask.CompletedTask;
    }
}
