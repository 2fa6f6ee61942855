using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// The executor of the supergraph being served: made again, with its own planner and empty plan
/// cache, when a reload swaps the supergraph. Every request is authorized against the share
/// catalogue the gateway serves (<see cref="ShareAuthorization"/>).
/// </summary>
internal sealed class ServedExecutor(SupergraphSource source, IOptions<SubgraphOptions> subgraphs, IOptions<GatewayOptions> gateway, IHttpClientFactory http, IServiceProvider services)
{
    // The gateway service always loads its catalogue (and refuses to start without one); a host
    // that registers none serves the supergraph unauthorized, as before the catalogue existed.
    private readonly ShareAuthorization? authorization =
        services.GetService<ShareCatalogue>() is null ? null : services.GetRequiredService<ShareAuthorization>();

    private Served? served;

    public GatewayExecutor Current()
    {
        var supergraph = source.Current;
        var current = Volatile.Read(ref served);
        if (current is not null && ReferenceEquals(current.Supergraph, supergraph))
        {
            return current.Executor;
        }

        var executor = GatewayExecutor.Create(supergraph, subgraphs.Value, http, gateway.Value.PlanCacheSize, authorization);
        Volatile.Write(ref served, new Served(supergraph, executor));
        return executor;
    }

    private sealed record Served(Supergraph Supergraph, GatewayExecutor Executor);
}
