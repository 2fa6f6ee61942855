using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Licences.Schema;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Federation.Subgraphs.Licences;

internal static class LicencesSetup
{
    /// <summary>
    /// The library's store of the configured kind, its change events, start-up and readiness; and
    /// this subgraph's own: the seals (the <c>Seals</c> section, <see cref="SealOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddLicencesSubgraph(this WebApplicationBuilder builder)
    {
        builder.AddSubgraphStore<ILicenceStore, LicencesStartup>(
            new StoreDefaults(Schema: LicencesSubgraph.Name, SeedPersons: DemoWorld.DefaultPersons, MaximumSeedPersons: DemoWorld.MaximumPersons),
            inMemory: services => new InMemoryLicenceStore(services.GetRequiredService<IChangeEventPublisher>()),
            postgres: (_, storage) => new PostgresLicenceStore(storage.DataSource, storage.Schema, storage.Outbox, storage.WakeRelay));

        var seals = builder.Configuration.GetSection(SealOptions.Section).Get<SealOptions>() ?? new SealOptions();
        builder.Services.TryAddSingleton<ISealKeyring>(_ => seals.Keys.Equals("Configured", StringComparison.OrdinalIgnoreCase)
            ? new ConfiguredSealKeyring(seals)
            : new DemoSealKeyring((long)DemoWorld.DefaultSeed));
        builder.Services.TryAddSingleton(services => new Sealer(services.GetRequiredService<ISealKeyring>()));
        builder.Services.TryAddSingleton(services => new SealVerifier(services.GetRequiredService<ISealKeyring>().TrustedRoot));
        return builder;
    }
}
