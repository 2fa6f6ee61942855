using Federation.Gateway.Authorization;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Sharing;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The executor of the supergraph being served: made again, with its own planner, empty plan
/// cache and served schema (API schema and the platform's part), when a reload swaps the supergraph.
/// Every request is authorized against the share catalogue the gateway serves (<see cref="ShareAuthorization"/>).
/// </summary>
internal sealed class ServedExecutor(
    SupergraphSource source,
    IOptions<SubgraphOptions> subgraphs,
    IOptions<GatewayOptions> gateway,
    IHttpClientFactory http,
    ShareWorkflow sharing,
    ShareAuthorization authorization)
{
    private Served? served;
    private bool withoutAuthorization;

    public GatewayExecutor Current()
    {
        var supergraph = source.Current;
        var current = Volatile.Read(ref served);
        if (current is not null && ReferenceEquals(current.Supergraph, supergraph))
        {
            return current.Executor;
        }

        var executor = GatewayExecutor.Create(supergraph, subgraphs.Value, http, gateway.Value.PlanCacheSize, sharing, authorization);
        if (withoutAuthorization)
        {
            executor = executor.WithoutAuthorization();
        }

        Volatile.Write(ref served, new Served(supergraph, executor));
        return executor;
    }

    /// <summary>
    /// Serves every request as sent, without the authorization stage — for the benchmark that measures
    /// what authorization costs on the same gateway (tests/Federation.Benchmarks). No configuration
    /// reaches it; call it before the first request.
    /// </summary>
    internal void ServeWithoutAuthorizationForBenchmark()
    {
        withoutAuthorization = true;
        Volatile.Write(ref served, null);
    }

    private sealed record Served(Supergraph Supergraph, GatewayExecutor Executor);
}
