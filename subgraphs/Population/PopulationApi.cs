using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Population.Schema;
using Federation.Subgraphs.Population.Store;

namespace Federation.Subgraphs.Population;

internal static class PopulationApi
{
    /// <summary>The subgraph at <c>/graphql</c>, behind the gateway signature.</summary>
    public static IEndpointRouteBuilder MapPopulationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSubgraph("/graphql", PopulationSchema.Build(endpoints.ServiceProvider.GetRequiredService<IPopulationStore>()));
        return endpoints;
    }
}
