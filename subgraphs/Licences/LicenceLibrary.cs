using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Schema;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Seeding;
using Federation.Subgraphs.Licences.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Subgraphs.Licences;

/// <summary>
/// The licence library's services, from configuration (the keys every subgraph shares):
/// <c>Store</c> = <c>InMemory</c> (default) | <c>Postgres</c>; <c>ConnectionStrings:Postgres</c>;
/// <c>Store:Schema</c> (default <c>licences</c>); <c>Seed:Persons</c> (default 10 000, 0 = none);
/// <c>ChangeEvents:Redis</c>; and this subgraph's <c>Seals</c> section (<see cref="SealOptions"/>).
/// </summary>
internal static class LicenceLibrary
{
    public static IServiceCollection AddLicenceLibrary(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = LibrarySettings.From(configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LibraryReadiness>();

        var seals = configuration.GetSection(SealOptions.Section).Get<SealOptions>() ?? new SealOptions();
        services.AddSingleton<ISealKeyring>(_ => seals.Keys.Equals("Configured", StringComparison.OrdinalIgnoreCase)
            ? new ConfiguredSealKeyring(seals)
            : new DemoSealKeyring((long)DemoWorld.DefaultSeed));
        services.AddSingleton(sp => new Sealer(sp.GetRequiredService<ISealKeyring>()));
        services.AddSingleton(sp => new SealVerifier(sp.GetRequiredService<ISealKeyring>().TrustedRoot));

        var redis = configuration["ChangeEvents:Redis"];
        if (!string.IsNullOrEmpty(redis))
        {
            services.AddSingleton<IChangeEventPublisher>(_ => new RedisChangeEventPublisher(RedisChangeEventPublisher.Connect(redis)));
        }
        else
        {
            services.TryAddSingleton<InProcessChangeFeed>();
            services.AddSingleton<IChangeEventPublisher>(sp => sp.GetRequiredService<InProcessChangeFeed>());
        }

        if (settings.Postgres)
        {
            var connectionString = settings.ConnectionString
                ?? throw new InvalidOperationException("Store is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build());
            services.AddSingleton(sp => new ChangeOutbox(sp.GetRequiredService<NpgsqlDataSource>(), settings.Schema));
            services.AddSingleton<ChangeOutboxRelay>();
            services.AddHostedService(sp => sp.GetRequiredService<ChangeOutboxRelay>());
            services.AddSingleton(sp => new PostgresLicenceStore(
                sp.GetRequiredService<NpgsqlDataSource>(),
                settings.Schema,
                sp.GetRequiredService<ChangeOutbox>(),
                sp.GetRequiredService<ChangeOutboxRelay>().Wake));
            services.AddSingleton<ILicenceStore>(sp => sp.GetRequiredService<PostgresLicenceStore>());
        }
        else
        {
            services.AddSingleton(sp => new InMemoryLicenceStore(sp.GetRequiredService<IChangeEventPublisher>()));
            services.AddSingleton<ILicenceStore>(sp => sp.GetRequiredService<InMemoryLicenceStore>());
        }

        // Before the outbox relay: it needs the migrated outbox table.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, LibraryStartup>());
        services.AddHealthChecks().AddCheck<StoreCheck>("store", tags: [SubgraphHosting.ReadinessTag]);
        return services;
    }
}

/// <summary>The store settings, read once.</summary>
internal sealed record LibrarySettings(bool Postgres, string? ConnectionString, string Schema, int SeedPersons)
{
    public static LibrarySettings From(IConfiguration configuration)
    {
        var store = configuration["Store"] ?? "InMemory";
        var postgres = store.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && !store.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Store must be InMemory or Postgres, not {store}.");
        }

        var persons = configuration.GetValue("Seed:Persons", DemoWorld.DefaultPersons);
        if (persons < 0 || persons > DemoWorld.MaximumPersons)
        {
            throw new InvalidOperationException($"Seed:Persons must be 0 to {DemoWorld.MaximumPersons}, not {persons}.");
        }

        return new LibrarySettings(postgres, configuration.GetConnectionString("Postgres"), configuration["Store:Schema"] ?? LicencesSubgraph.Name, persons);
    }
}

/// <summary>Whether start-up (migrations, seeding) has finished; readiness waits for it.</summary>
internal sealed class LibraryReadiness
{
    private volatile bool ready;

    public bool IsReady => ready;

    public void MarkReady() => ready = true;
}

/// <summary>
/// Prepares the store before the service takes requests: applies the migrations (PostgreSQL) and
/// seals anew, with a fresh salt, every licence sealed before seals had one; then seeds the demo
/// world when the library is empty and <c>Seed:Persons</c> is above 0.
/// </summary>
internal sealed class LibraryStartup(
    LibrarySettings settings,
    ILicenceStore store,
    Sealer sealer,
    LibraryReadiness readiness,
    TimeProvider clock,
    ILogger<LibraryStartup> logger) : IHostedService
{
    /// <summary>The reason recorded in the change events of licences sealed anew with a salt.</summary>
    public const string SaltReason = "sealed anew with a salt (the digest no longer confirms guesses of the items)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is PostgresLicenceStore postgres)
        {
            await postgres.MigrateAsync(logger, cancellationToken).ConfigureAwait(false);
            await SaltAsync(postgres, cancellationToken).ConfigureAwait(false);
        }

        if (sealer.Keyring is DemoSealKeyring)
        {
            LicenceLibraryLog.DemoSeals(logger);
        }

        if (settings.SeedPersons > 0 && await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var seed = new LicenceSeed(new DemoWorld(settings.SeedPersons), sealer);
            long count;
            if (store is PostgresLicenceStore database)
            {
                count = await PostgresSeedLoader.LoadAsync(database.DataSource, database.Schema, seed, sealer.Keyring, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var licences = seed.All().ToList();
                ((InMemoryLicenceStore)store).Put(licences);
                count = licences.Count;
            }

            LicenceLibraryLog.Seeded(logger, count, settings.SeedPersons, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Seals anew every licence still without a salt, each as a change of its own (its row locked,
    /// its change event written with it), so readers who kept its seal or items learn of the new ones.
    /// </summary>
    private async Task SaltAsync(PostgresLicenceStore postgres, CancellationToken cancellationToken)
    {
        long count = 0;
        while (await postgres.UnsaltedNumbersAsync(500, cancellationToken).ConfigureAwait(false) is { Count: > 0 } numbers)
        {
            foreach (var number in numbers)
            {
                await postgres.ChangeAsync(number, Salted, SaltReason, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        if (count > 0)
        {
            LicenceLibraryLog.Salted(logger, count);
        }
    }

    private LicenceChange Salted(Licence current)
    {
        if (current.Seal.Salt.Length > 0)
        {
            return new LicenceChange(current, []);
        }

        var now = clock.GetUtcNow();
        return new LicenceChange(sealer.Reseal(current with { UpdatedAt = now }, now), ["items", "seal", "updatedAt"]);
    }
}

/// <summary>Readiness: start-up finished and the store answers.</summary>
internal sealed class StoreCheck(LibraryReadiness readiness, ILicenceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy("The licence library is still migrating or seeding.");
        }

        try
        {
            await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The licence store does not answer.", exception);
        }
    }
}

internal static partial class LicenceLibraryLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} licences from a demo world of {Persons} persons in {Seconds:0.0} s")]
    public static partial void Seeded(ILogger logger, long count, int persons, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seals use the DEMO keys derived from the demo seed; configure Seals:Keys=Configured with real seal files for production")]
    public static partial void DemoSeals(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Count} licences anew with a salt")]
    public static partial void Salted(ILogger logger, long count);
}
