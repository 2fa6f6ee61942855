using Federation.Storage;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.LegalPersons.Seeding;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons;

/// <summary>
/// Brings the register up before the service answers: PostgreSQL migrations (idempotent), then the
/// demo seed when the register is empty.
/// </summary>
internal sealed partial class LegalPersonsStartup(
    ILegalPersonStore store,
    StoreOptions options,
    IServiceProvider services,
    ILogger<LegalPersonsStartup> logger) : IStoreStartup
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (options.UsesPostgres)
        {
            var dataSource = services.GetRequiredService<PostgresStorage>().DataSource;
            await PostgresMigrations.ApplyAsync(dataSource, options.Schema, SqlMigration.FromAssembly(typeof(LegalPersonsStartup).Assembly), logger, cancellationToken);
        }

        if (options.SeedPersons > 0 && await store.CountAsync(cancellationToken) == 0)
        {
            var started = TimeProvider.System.GetTimestamp();
            var world = new DemoWorld(options.SeedPersons);
            await store.LoadAsync(LegalPersonSeed.Generate(world), cancellationToken);
            LogSeeded(logger, world.LegalPersonCount, options.SeedPersons, options.Kind.ToString(), TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The register answers when a read succeeds; its failure is the reason.</summary>
    public async Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken)
    {
        await store.CheckAsync(cancellationToken);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {LegalPersons} legal persons of a demo world of {Persons} persons into the {Store} store in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, int legalPersons, int persons, string store, double seconds);
}
