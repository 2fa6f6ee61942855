using System.Diagnostics;
using Federation.Storage;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Population.Seeding;
using Federation.Subgraphs.Population.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Federation.Subgraphs.Population;

/// <summary>
/// Prepares the register before the server takes requests: PostgreSQL migrations and the outbox,
/// then the demo seed when the register is empty. Readiness reports unready until it is done.
/// </summary>
internal sealed partial class PopulationStartup(
    PopulationOptions options,
    IPopulationStore store,
    IServiceProvider services,
    ILogger<PopulationStartup> logger) : IHostedService, IHealthCheck
{
    private volatile bool completed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        if (store is PostgresPopulationStore)
        {
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await PostgresMigrations.ApplyAsync(dataSource, options.Schema, SqlMigration.FromAssembly(typeof(PopulationStartup).Assembly), logger, cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<ChangeOutbox>().EnsureAsync(cancellationToken).ConfigureAwait(false);
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

        completed = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!completed)
        {
            return HealthCheckResult.Unhealthy("The register is still being migrated or seeded.");
        }

        var reason = await store.UnreadyReasonAsync(cancellationToken).ConfigureAwait(false);
        return reason is null ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register ready with {Persons} persons in {Households} households in {Where} after {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int persons, int households, string where, double seconds);
}
