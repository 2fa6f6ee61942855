using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Population.Store;

namespace Federation.Subgraphs.Population;

internal static class PopulationSetup
{
    /// <summary>The register's store of the configured kind, its change events, start-up and readiness.</summary>
    public static WebApplicationBuilder AddPopulationSubgraph(this WebApplicationBuilder builder)
    {
        builder.AddSubgraphStore<IPopulationStore, PopulationStartup>(
            new StoreDefaults(Schema: "population", SeedPersons: DemoWorld.DefaultPersons, MaximumSeedPersons: DemoWorld.MaximumPersons),
            inMemory: services => new InMemoryPopulationStore(
                services.GetRequiredService<IChangeEventPublisher>(),
                services.GetRequiredService<TimeProvider>()),
            postgres: (services, storage) => new PostgresPopulationStore(
                storage.DataSource,
                storage.Schema,
                storage.Outbox,
                storage.WakeRelay,
                services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
