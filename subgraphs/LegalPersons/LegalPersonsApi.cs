using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.LegalPersons.Schema;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons;

internal static class LegalPersonsApi
{
    /// <summary>The register's Federation v2 subgraph at <c>/graphql</c>, behind the gateway signature.</summary>
    public static WebApplication MapLegalPersonsApi(this WebApplication app)
    {
        var subgraph = LegalPersonsSchema.Build(app.Services.GetRequiredService<ILegalPersonStore>(), app.Services.GetRequiredService<TimeProvider>());
        app.MapSubgraph("/graphql", subgraph);
        return app;
    }
}
