using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Licences.Schema;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Store;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Subgraphs.Licences;

internal static class LicencesApi
{
    /// <summary>The licence library's subgraph at <c>/graphql</c>, behind the gateway signature.</summary>
    public static IEndpointRouteBuilder MapLicencesApi(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        endpoints.MapSubgraph("/graphql", LicencesSchema.Build(
            services.GetRequiredService<ILicenceStore>(),
            services.GetRequiredService<Sealer>(),
            services.GetRequiredService<SealVerifier>(),
            services.GetRequiredService<TimeProvider>()));
        return endpoints;
    }
}
