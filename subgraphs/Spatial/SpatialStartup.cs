using System.Diagnostics;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Spatial.Seeding;
using Federation.Subgraphs.Spatial.Store;

namespace Federation.Subgraphs.Spatial;

/// <summary>
/// Makes the register ready before the service answers: PostgreSQL — apply the migrations, load
/// the seed when the tables are empty; memory — load the seed.
/// </summary>
internal sealed partial class SpatialStartup(
    ISpatialStore store,
    StoreOptions options,
    IServiceProvider services,
    ILogger<SpatialStartup> logger) : IStoreStartup
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var seed = options.SeedPersons > 0 ? new SpatialSeed(new DemoWorld(options.SeedPersons)) : null;
        if (options.UsesPostgres)
        {
            var dataSource = services.GetRequiredService<PostgresStorage>().DataSource;
            await SpatialMigrations.ApplyAsync(dataSource, options.Schema, logger, cancellationToken).ConfigureAwait(false);
            if (seed is not null && await PostgresSeedLoader.LoadIfEmptyAsync(dataSource, options.Schema, seed, cancellationToken).ConfigureAwait(false))
            {
                LogSeeded(logger, "PostgreSQL", options.SeedPersons, seed.AddressCount, seed.Parcels.Count, watch.ElapsedMilliseconds);
            }
        }
        else if (store is InMemorySpatialStore memory)
        {
            var data = seed?.Register() ?? Domain.RegisterData.Empty;
            memory.Load(data);
            LogSeeded(logger, "memory", options.SeedPersons, data.Addresses.Count, data.Parcels.Count, watch.ElapsedMilliseconds);
        }
    }

    public async Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken) =>
        await store.IsReadyAsync(cancellationToken).ConfigureAwait(false) ? null : "The register's tables are missing or its seed is not loaded.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Spatial register seeded in {Store} from a world of {Persons} persons: {Addresses} addresses, {Parcels} parcels in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, string store, int persons, int addresses, int parcels, long milliseconds);
}
