using Federation.Gateway.Caching;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Execution;

/// <summary>
/// Fetch: the plan run against the subgraphs, each request signed for the caller and naming the
/// row-scoped resources the caller may read (<see cref="GatewayRequest.RowResources"/>), their
/// answers merged into one tree (<see cref="PlanExecution"/>), which is left in the request for shaping.
/// With the entity cache (<paramref name="cache"/> and the pipeline's <paramref name="cachePlans"/>), the
/// unconditional fields it holds are served from it and only the rest is asked of the subgraphs.
/// </summary>
internal sealed class FetchStage(SubgraphClients clients, EntityCache? cache = null, EntityCachePlans? cachePlans = null) : IRequestStage
{
    public RequestStep Step => RequestStep.Fetch;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RowResources.Count == 0 ? request.Caller : request.Caller with { RowResources = request.RowResources };
        var session = cache is null || cachePlans is null ? null : new EntityCacheSession(cache, cachePlans, clients, caller);
        var run = new PlanExecution(clients, request.Variables, caller, session);
        request.Set(run);
        return request.Get<QueryPlan>()?.Root is { } root ? new ValueTask(run.RunAsync(root, cancellationToken)) : ValueTask.CompletedTask;
    }
}
