using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Spatial.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Federation.Subgraphs.Spatial;

internal static class SpatialSetup
{
    /// <summary>The register's store of the configured kind, its change events, start-up and readiness.</summary>
    public static WebApplicationBuilder AddSpatialSubgraph(this WebApplicationBuilder builder)
    {
        // The in-memory register is a service of its own as well, so a test can put in one it loaded.
        builder.Services.TryAddSingleton(services => new InMemorySpatialStore(
            services.GetRequiredService<IChangeEventPublisher>(),
            services.GetRequiredService<TimeProvider>()));
        builder.AddSubgraphStore<ISpatialStore, SpatialStartup>(
            new StoreDefaults(Schema: "spatial", SeedPersons: DemoWorld.DefaultPersons, MaximumSeedPersons: DemoWorld.MaximumPersons, DataSource: SpatialDataSource.Configure),
            inMemory: services => services.GetRequiredService<InMemorySpatialStore>(),
            postgres: (services, storage) => new PostgresSpatialStore(
                storage.DataSource,
                storage.Schema,
                storage.Outbox,
                services.GetRequiredService<TimeProvider>(),
                storage.WakeRelay));
        return builder;
    }
}
