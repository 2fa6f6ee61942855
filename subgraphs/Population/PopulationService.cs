using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Population.Store;
using Npgsql;

namespace Federation.Subgraphs.Population;

/// <summary>
/// The population subgraph service (Public Security Bureau's population register), for
/// <c>Program.cs</c> and for hosts that start it in-process (the one-command platform run).
/// </summary>
public static class PopulationService
{
    /// <summary>The development secret used when none is configured in Development; never valid elsewhere.</summary>
    public const string DevelopmentSecret = "population-development-secret-not-for-production-use";

    /// <summary>
    /// Builds the service from <paramref name="args"/> and configuration (<c>Store</c>,
    /// <c>ConnectionStrings:Postgres</c>, <c>Store:Schema</c>, <c>Seed:Persons</c>, <c>ChangeEvents:Redis</c>,
    /// <c>GatewaySignature:*</c>); <paramref name="configure"/> runs before the services are read.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddSubgraphDefaults();
        configure?.Invoke(builder);

        // Urls (or ASPNETCORE_URLS, which lands in the same key) wins over the subgraph's own port.
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls(PopulationOptions.DefaultUrl);
        }

        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.AddPopulationRegister();

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapPopulationApi();
        return app;
    }
}

internal static class PopulationServiceExtensions
{
    /// <summary>The store the configuration asks for, its change-event publisher, start-up and readiness.</summary>
    public static WebApplicationBuilder AddPopulationRegister(this WebApplicationBuilder builder)
    {
        var options = PopulationOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (builder.Configuration["Logging:LogLevel:Npgsql"] is null)
        {
            // Npgsql logs every statement at Information; the register's logs keep to its own events.
            builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        }

        builder.Services.TryAddSingletonTimeProvider();

        if (options.ChangeEventsRedis is { } redis)
        {
            builder.Services.AddSingleton(_ => RedisChangeEventPublisher.Connect(redis));
            builder.Services.AddSingleton<IChangeEventPublisher>(sp => new RedisChangeEventPublisher(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>()));
        }
        else
        {
            builder.Services.AddSingleton<InProcessChangeFeed>();
            builder.Services.AddSingleton<IChangeEventPublisher>(sp => sp.GetRequiredService<InProcessChangeFeed>());
        }

        if (options.UsesPostgres)
        {
            builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(options.ConnectionString!)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                .Build());
            builder.Services.AddSingleton(sp => new ChangeOutbox(sp.GetRequiredService<NpgsqlDataSource>(), options.Schema));
            builder.Services.AddSingleton<ChangeOutboxRelay>();
            builder.Services.AddSingleton<IPopulationStore>(sp => new PostgresPopulationStore(
                sp.GetRequiredService<NpgsqlDataSource>(),
                options.Schema,
                sp.GetRequiredService<ChangeOutbox>(),
                sp.GetRequiredService<ChangeOutboxRelay>().Wake,
                sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            builder.Services.AddSingleton<IPopulationStore>(sp => new InMemoryPopulationStore(
                sp.GetRequiredService<IChangeEventPublisher>(),
                sp.GetRequiredService<TimeProvider>()));
        }

        builder.Services.AddSingleton<PopulationStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PopulationStartup>());
        if (options.UsesPostgres)
        {
            // After the start-up, which creates the outbox the relay reads.
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeOutboxRelay>());
        }

        builder.Services.AddHealthChecks().AddCheck<PopulationStartup>("population-register", tags: [SubgraphHosting.ReadinessTag]);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
