using Federation.Gateway.Planning;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Execution;

/// <summary>
/// Fetch: the plan run against the subgraphs, each request signed for the caller and naming the
/// row-scoped resources the caller may read (<see cref="GatewayRequest.RowResources"/>), their
/// answers merged into one tree (<see cref="PlanExecution"/>), which is left in the request for shaping.
/// </summary>
internal sealed class FetchStage(SubgraphClients clients) : IRequestStage
{
    public RequestStep Step => RequestStep.Fetch;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RowResources.Count == 0 ? request.Caller : request.Caller with { RowResources = request.RowResources };
        var run = new PlanExecution(clients, request.Variables, caller);
        request.Set(run);
        return request.Get<QueryPlan>()?.Root is { } root ? new ValueTask(run.RunAsync(root, cancellationToken)) : ValueTask.CompletedTask;
    }
}
