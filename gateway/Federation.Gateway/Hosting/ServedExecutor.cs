using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Sharing;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The executor of the supergraph being served: made again, with its own planner, empty plan
/// cache and served schema (API schema and the platform's part), when a reload swaps the supergraph.
/// </summary>
internal sealed class ServedExecutor(SupergraphSource source, IOptions<SubgraphOptions> subgraphs, IOptions<GatewayOptions> gateway, IHttpClientFactory http, ShareWorkflow sharing)
{
    private Served? served;

    public GatewayExecutor Current()
    {
        var supergraph = source.Current;
        var current = Volatile.Read(ref served);
        if (current is not null && ReferenceEquals(current.Supergraph, supergraph))
        {
            return current.Executor;
        }

        var executor = GatewayExecutor.Create(supergraph, subgraphs.Value, http, gateway.Value.PlanCacheSize, sharing);
        Volatile.Write(ref served, new Served(supergraph, executor));
        return executor;
    }

    private sealed record Served(Supergraph Supergraph, GatewayExecutor Executor);
}
