using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons;

internal static class LegalPersonsSetup
{
    /// <summary>The register's store of the configured kind, its change events, start-up and readiness.</summary>
    public static WebApplicationBuilder AddLegalPersonsSubgraph(this WebApplicationBuilder builder)
    {
        builder.AddSubgraphStore<ILegalPersonStore, LegalPersonsStartup>(
            new StoreDefaults(Schema: "legal_persons", SeedPersons: DemoWorld.DefaultPersons, MaximumSeedPersons: DemoWorld.MaximumPersons),
            inMemory: services => new InMemoryLegalPersonStore(
                services.GetRequiredService<IChangeEventPublisher>(),
                services.GetRequiredService<TimeProvider>()),
            postgres: (services, storage) => new PostgresLegalPersonStore(
                storage.DataSource,
                storage.Schema,
                storage.Outbox,
                storage.WakeRelay,
                services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
