using Federation.Gateway.Audit.Events;
using Federation.Protocol.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Composition;

/// <summary>Registers the supergraph the gateway serves, its reload and its start-up check.</summary>
public static class CompositionServices
{
    /// <summary>
    /// The <see cref="SupergraphSource"/> read from <paramref name="supergraphFile"/>, the
    /// <see cref="SubgraphSdlFetcher"/> (signed with <paramref name="signature"/>, as
    /// <paramref name="caller"/>), <see cref="SupergraphReload"/> (with every registered <see cref="IServedSupergraphCheck"/>), <see cref="SubgraphDriftCheck"/>,
    /// and the <see cref="SupergraphStartupCheck"/> that runs at start.
    /// </summary>
    public static IServiceCollection AddSupergraph(this IServiceCollection services, string supergraphFile, GatewaySignature signature, GatewayCaller caller) =>
        services.AddSupergraph(_ => SupergraphSource.FromFile(supergraphFile), signature, caller);

    /// <summary>As above, with the <see cref="SupergraphSource"/> made by <paramref name="source"/>.</summary>
    /// <param name="urlOf">Where each subgraph is reached, from the services; the URL the supergraph names when null.</param>
    public static IServiceCollection AddSupergraph(
        this IServiceCollection services,
        Func<IServiceProvider, SupergraphSource> source,
        GatewaySignature signature,
        GatewayCaller caller,
        Func<IServiceProvider, Func<SupergraphSubgraph, string>>? urlOf = null)
    {
        services.AddSingleton(source);
        services.AddSingleton(_ => new SubgraphSdlFetcher(
            new HttpClient(new GatewaySigningHandler(signature) { InnerHandler = new SocketsHttpHandler { ActivityHeadersPropagator = null } }) { Timeout = LiveSubgraphs.FetchTimeout },
            caller));
        services.AddSingleton(provider => new SupergraphReload(
            provider.GetRequiredService<SupergraphSource>(),
            provider.GetRequiredService<SubgraphSdlFetcher>(),
            provider.GetRequiredService<ILogger<SupergraphReload>>(),
            urlOf?.Invoke(provider),
            provider.GetServices<IServedSupergraphCheck>(),
            provider.GetService<TimeProvider>())
        {
            Events = provider.GetService<PlatformEvents>(),
        });
        services.AddSingleton(provider => new SubgraphDriftCheck(
            provider.GetRequiredService<SupergraphSource>(),
            provider.GetRequiredService<SubgraphSdlFetcher>(),
            provider.GetRequiredService<ILogger<SubgraphDriftCheck>>(),
            urlOf?.Invoke(provider) ?? (subgraph => subgraph.Url)));
        services.AddHostedService(provider => new SupergraphStartupCheck(provider.GetRequiredService<SubgraphDriftCheck>()));
        return services;
    }
}
