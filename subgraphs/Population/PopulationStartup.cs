using System.Diagnostics;
using Federation.Storage;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Population.Seeding;
using Federation.Subgraphs.Population.Store;

namespace Federation.Subgraphs.Population;

/// <summary>
/// Prepares the register before the server takes requests: PostgreSQL migrations, then the demo
/// seed when the register is empty; in memory, the demo seed.
/// </summary>
internal sealed partial class PopulationStartup(
    StoreOptions options,
    IPopulationStore store,
    IServiceProvider services,
    ILogger<PopulationStartup> logger) : IStoreStartup
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        if (store is PostgresPopulationStore)
        {
            var dataSource = services.GetRequiredService<PostgresStorage>().DataSource;
            await PostgresMigrations.ApplyAsync(dataSource, options.Schema, SqlMigration.FromAssembly(typeof(PopulationStartup).Assembly), logger, cancellationToken).ConfigureAwait(false);
            if (options.SeedPersons > 0 && await PopulationBulkLoad.IsEmptyAsync(dataSource, options.Schema, cancellationToken).ConfigureAwait(false))
            {
                var world = new DemoWorld(options.SeedPersons);
                var (households, persons) = await PopulationBulkLoad.LoadAsync(
                    dataSource, options.Schema, PopulationSeed.Households(world), PopulationSeed.Persons(world), cancellationToken).ConfigureAwait(false);
                LogSeeded(logger, persons, households, "PostgreSQL schema " + options.Schema, started.Elapsed.TotalSeconds);
            }
        }
        else if (store is InMemoryPopulationStore memory)
        {
            var world = options.SeedPersons > 0 ? new DemoWorld(options.SeedPersons) : null;
            memory.Load(
                world is null ? [] : PopulationSeed.Persons(world),
                world is null ? [] : PopulationSeed.Households(world));
            LogSeeded(logger, memory.PersonCount, world?.HouseholdCount ?? 0, "memory", started.Elapsed.TotalSeconds);
        }
    }

    public Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken) => store.UnreadyReasonAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Register ready with {Persons} persons in {Households} households in {Where} after {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int persons, int households, string where, double seconds);
}
