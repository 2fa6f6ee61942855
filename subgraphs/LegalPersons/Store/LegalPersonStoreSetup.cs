using Federation.Storage;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.LegalPersons.Seeding;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Federation.Subgraphs.LegalPersons.Store;

/// <summary>Where the register lives and how much demo data it starts with (configuration keys shared by the four subgraphs).</summary>
internal sealed class LegalPersonStoreOptions
{
    public const string DefaultSchema = "legal_persons";

    /// <summary><c>Store</c>: <c>InMemory</c> (the embedded default) or <c>Postgres</c>.</summary>
    public string Kind { get; set; } = "InMemory";

    /// <summary><c>Store:Schema</c>: the PostgreSQL schema.</summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary><c>ConnectionStrings:Postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Seed:Persons</c>: the size of the demo world to seed an empty register from; 0 seeds nothing.</summary>
    public int SeedPersons { get; set; } = DemoWorld.DefaultPersons;

    public bool UsesPostgres => string.Equals(Kind, "Postgres", StringComparison.OrdinalIgnoreCase);

    public static LegalPersonStoreOptions From(IConfiguration configuration)
    {
        var kind = configuration["Store"] is { Length: > 0 } configured ? configured : "InMemory";
        if (!string.Equals(kind, "InMemory", StringComparison.OrdinalIgnoreCase) && !string.Equals(kind, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Store must be InMemory or Postgres; it is \"{kind}\".");
        }

        return new LegalPersonStoreOptions
        {
            Kind = kind,
            Schema = configuration["Store:Schema"] is { Length: > 0 } schema ? schema : DefaultSchema,
            ConnectionString = configuration.GetConnectionString("Postgres"),
            SeedPersons = configuration.GetValue("Seed:Persons", DemoWorld.DefaultPersons),
        };
    }
}

internal static class LegalPersonStoreSetup
{
    /// <summary>
    /// Registers the store the configuration names, its change-event publisher (Redis when
    /// <c>ChangeEvents:Redis</c> is set, else the in-process feed), the start-up that migrates and
    /// seeds it, and its readiness check.
    /// </summary>
    public static WebApplicationBuilder AddLegalPersonStore(this WebApplicationBuilder builder)
    {
        var options = LegalPersonStoreOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InProcessChangeFeed>();
        if (builder.Configuration["ChangeEvents:Redis"] is { Length: > 0 } redis)
        {
            services.AddSingleton(_ => RedisChangeEventPublisher.Connect(redis));
            services.AddSingleton<IChangeEventPublisher>(sp => new RedisChangeEventPublisher(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>()));
        }
        else
        {
            services.AddSingleton<IChangeEventPublisher>(sp => sp.GetRequiredService<InProcessChangeFeed>());
        }

        // Hosted services start in this order: the register is migrated and seeded before the relay reads the outbox.
        services.AddSingleton<StoreStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreStartup>());
        if (options.UsesPostgres)
        {
            var connectionString = options.ConnectionString
                ?? throw new InvalidOperationException("Store is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton(sp => new ChangeOutbox(sp.GetRequiredService<NpgsqlDataSource>(), options.Schema));
            services.AddSingleton<ChangeOutboxRelay>();
            services.AddHostedService(sp => sp.GetRequiredService<ChangeOutboxRelay>());
            services.AddSingleton<ILegalPersonStore>(sp => new PostgresLegalPersonStore(
                sp.GetRequiredService<NpgsqlDataSource>(),
                options.Schema,
                sp.GetRequiredService<ChangeOutbox>(),
                sp.GetRequiredService<ChangeOutboxRelay>().Wake,
                sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<ILegalPersonStore>(sp => new InMemoryLegalPersonStore(sp.GetRequiredService<IChangeEventPublisher>(), sp.GetRequiredService<TimeProvider>()));
        }

        services.AddHealthChecks().AddCheck<StoreReadiness>("store", tags: [Hosting.SubgraphHosting.ReadinessTag]);
        return builder;
    }
}

/// <summary>
/// Brings the register up before the service answers: PostgreSQL migrations (idempotent) and the
/// outbox table, then the demo seed when the register is empty.
/// </summary>
internal sealed partial class StoreStartup(
    ILegalPersonStore store,
    LegalPersonStoreOptions options,
    IServiceProvider services,
    ILogger<StoreStartup> logger) : IHostedService
{
    private volatile bool ready;

    public bool IsReady => ready;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.UsesPostgres)
        {
            var dataSource = services.GetRequiredService<NpgsqlDataSource>();
            await PostgresMigrations.ApplyAsync(dataSource, options.Schema, SqlMigration.FromAssembly(typeof(StoreStartup).Assembly), logger, cancellationToken);
            await services.GetRequiredService<ChangeOutbox>().EnsureAsync(cancellationToken);
        }

        if (options.SeedPersons > 0 && await store.CountAsync(cancellationToken) == 0)
        {
            var started = TimeProvider.System.GetTimestamp();
            var world = new DemoWorld(options.SeedPersons);
            await store.LoadAsync(LegalPersonSeed.Generate(world), cancellationToken);
            LogSeeded(logger, world.LegalPersonCount, options.SeedPersons, options.Kind, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }

        ready = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {LegalPersons} legal persons of a demo world of {Persons} persons into the {Store} store in {Seconds:0.0} s")]
    private static partial void LogSeeded(ILogger logger, int legalPersons, int persons, string store, double seconds);
}

/// <summary>Ready once the start-up finished and the register answers.</summary>
internal sealed class StoreReadiness(StoreStartup startup, ILegalPersonStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.IsReady)
        {
            return HealthCheckResult.Unhealthy("The register is still being migrated or seeded.");
        }

        try
        {
            await store.CheckAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The register cannot be read.", exception);
        }
    }
}
