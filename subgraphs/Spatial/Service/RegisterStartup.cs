using System.Diagnostics;
using Federation.Storage;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Spatial.Seeding;
using Federation.Subgraphs.Spatial.Store;
using Npgsql;

namespace Federation.Subgraphs.Spatial;

/// <summary>
/// Makes the register ready before the service answers: PostgreSQL — apply the migrations, create
/// the change outbox, load the seed when the tables are empty; memory — load the seed.
/// </summary>
internal sealed partial class RegisterStartup(IServiceProvider services, RegisterOptions options, ILogger<RegisterStartup> logger) : IHostedService
{
    public bool IsComplete { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var seed = options.SeedPersons > 0 ? new SpatialSeed(new DemoWorld(options.SeedPersons)) : null;
        if (options.UsePostgres)
        {
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await PostgresMigrations.ApplyAsync(dataSource, options.Schema, SqlMigration.FromAssembly(typeof(RegisterStartup).Assembly), logger, cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<ChangeOutbox>().EnsureAsync(cancellationToken).ConfigureAwait(false);
            if (seed is not null && await PostgresSeedLoader.LoadIfEmptyAsync(dataSource, options.Schema, seed, cancellationToken).ConfigureAwait(false))
            {
                LogSeeded(logger, "PostgreSQL", options.SeedPersons, seed.AddressCount, seed.Parcels.Count, watch.ElapsedMilliseconds);
            }
        }
        else
        {
            var store = services.GetRequiredService<InMemorySpatialStore>();
            var data = seed?.Register() ?? Domain.RegisterData.Empty;
            store.Load(data);
            LogSeeded(logger, "memory", options.SeedPersons, data.Addresses.Count, data.Parcels.Count, watch.ElapsedMilliseconds);
        }

        IsComplete = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Spatial register seeded in {Store} from a world of {Persons} persons: {Addresses} addresses, {Parcels} parcels in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, string store, int persons, int addresses, int parcels, long milliseconds);
}
