using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Spatial.Schema;
using Federation.Subgraphs.Spatial.Store;

namespace Federation.Subgraphs.Spatial;

internal static class SpatialApi
{
    /// <summary>The spatial register's subgraph at <c>/graphql</c>, behind the gateway signature.</summary>
    public static IEndpointRouteBuilder MapSpatialApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSubgraph("/graphql", SpatialSchema.Build(endpoints.ServiceProvider.GetRequiredService<ISpatialStore>()));
        return endpoints;
    }
}
