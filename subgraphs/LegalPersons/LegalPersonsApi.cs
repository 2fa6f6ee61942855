using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.LegalPersons.Schema;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons;

internal static class LegalPersonsApi
{
    /// <summary>The register's Federation v2 subgraph at <c>/graphql</c>, behind the gateway signature.</summary>
    public static IEndpointRouteBuilder MapLegalPersonsApi(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        endpoints.MapSubgraph("/graphql", LegalPersonsSchema.Build(services.GetRequiredService<ILegalPersonStore>(), services.GetRequiredService<TimeProvider>()));
        return endpoints;
    }
}
