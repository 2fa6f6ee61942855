using System.Net;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Planning;
using Federation.Gateway.Telemetry;
using Federation.Protocol.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Execution;

/// <summary>
/// The HTTP client of the subgraphs: a named client from <see cref="IHttpClientFactory"/> over a
/// pooled <see cref="SocketsHttpHandler"/> and the <see cref="GatewaySigningHandler"/>, so every
/// request carries the gateway signature and its caller.
/// </summary>
internal static class SubgraphHttpClients
{
    /// <summary>The name of the one client all subgraph requests use; its handler pools connections per subgraph host.</summary>
    public const string ClientName = "subgraphs";

    /// <summary>
    /// Registers the subgraph client. Needs a <see cref="GatewaySignature"/> in the container
    /// (the gateway's signing secret). One client serves every subgraph, so subgraphs a
    /// reloaded supergraph adds are signed too.
    /// </summary>
    public static IServiceCollection AddSubgraphHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // Connections are reused; recycling them now and then follows DNS changes of the subgraphs.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
                MaxConnectionsPerServer = provider.GetRequiredService<IOptions<SubgraphOptions>>().Value.MaxConnectionsPerSubgraph,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli,
                UseCookies = false,

                // A redirect is the subgraph's failure, not a new address: following it would send the
                // signed request, the caller and the query's variables wherever the subgraph points.
                AllowAutoRedirect = false,

                // The signing handler sets the fetch span's traceparent and signs it; nothing after it may add another.
                ActivityHeadersPropagator = null,
            })
            // Outside the signing handler: every attempt is signed anew.
            .AddSubgraphResilience()
            .AddHttpMessageHandler(provider => new GatewaySigningHandler(provider.GetRequiredService<GatewaySignature>()))
            // The per-subgraph timeout lives in SubgraphClient, which tells timeouts apart from failures.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }

    /// <summary>
    /// The clients of every subgraph of the supergraph, with URLs and timeouts from the options or
    /// else the supergraph, and each subgraph's providing agency from <paramref name="providers"/>
    /// (the catalogue's <c>subgraphs:</c> map; that agency's requests carry no division), and the
    /// row-scoped resources of that agency in <paramref name="catalogue"/> (the only ones its requests name).
    /// </summary>
    public static SubgraphClients Create(PlanningSchema supergraph, SubgraphOptions options, Func<string, HttpClient> httpClientOf, ShareCatalogue? catalogue = null, GatewayMetrics? metrics = null)
    {
        var providers = catalogue?.Subgraphs;
        var clients = new Dictionary<string, SubgraphClient>(StringComparer.Ordinal);
        foreach (var subgraph in supergraph.Subgraphs)
        {
            var endpoint = options.Endpoints.GetValueOrDefault(subgraph);
            var url = endpoint?.Url ?? supergraph.SubgraphUrl(subgraph)
                ?? throw new InvalidOperationException($"Subgraph \"{subgraph}\" has no URL in the supergraph or in the options.");
            var provider = providers?.GetValueOrDefault(subgraph);
            clients[subgraph] = new SubgraphClient(subgraph, httpClientOf(subgraph), url, endpoint?.Timeout ?? options.Timeout, options.MaxResponseBytes, provider, RowResourcesOf(catalogue, provider), metrics);
        }

        return new SubgraphClients(clients);
    }

    public static SubgraphClients Create(PlanningSchema supergraph, SubgraphOptions options, IHttpClientFactory factory, ShareCatalogue? catalogue = null, GatewayMetrics? metrics = null) =>
        Create(supergraph, options, _ => factory.CreateClient(ClientName), catalogue, metrics);

    private static HashSet<string>? RowResourcesOf(ShareCatalogue? catalogue, string? provider) =>
        catalogue is null || provider is null
            ? null
            : catalogue.Resources
                .Where(r => r.Conditions is { RowScoped: true } && string.Equals(r.Provider, provider, StringComparison.Ordinal))
                .Select(r => r.Id)
                .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The client of each subgraph by name.</summary>
internal sealed class SubgraphClients(IReadOnlyDictionary<string, SubgraphClient> clients)
{
    public SubgraphClient this[string subgraph] => clients.TryGetValue(subgraph, out var client)
        ? client
        : throw new InvalidOperationException($"No client for subgraph \"{subgraph}\".");
}
