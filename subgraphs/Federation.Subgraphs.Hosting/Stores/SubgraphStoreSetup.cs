using Federation.Subgraphs.Hosting.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Subgraphs.Hosting.Stores;

/// <summary>The one store set-up of the agency subgraphs: each calls <see cref="AddSubgraphStore{TStore, TStartup}"/> with its own store types.</summary>
public static class SubgraphStoreSetup
{
    /// <summary>
    /// Registers, from the configuration's <see cref="StoreOptions"/>: the options; the clock; the
    /// change events (<see cref="ChangeEventSetup.AddChangeEvents"/>); for PostgreSQL the data source,
    /// the change outbox, its relay and the <see cref="PostgresStorage"/> handed to
    /// <paramref name="postgres"/>; <typeparamref name="TStore"/> made by the factory of the configured
    /// kind; the start-up (outbox, then <typeparamref name="TStartup"/>) before the relay; and the
    /// readiness check <c>store</c>. Services registered before (by a test or a host) are kept.
    /// </summary>
    /// <exception cref="StoreConfigurationException">The configuration names no store this can set up.</exception>
    public static StoreOptions AddSubgraphStore<TStore, TStartup>(
        this IHostApplicationBuilder builder,
        StoreDefaults defaults,
        Func<IServiceProvider, TStore> inMemory,
        Func<IServiceProvider, PostgresStorage, TStore> postgres)
        where TStore : class
        where TStartup : class, IStoreStartup
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inMemory);
        ArgumentNullException.ThrowIfNull(postgres);
        var options = StoreOptions.From(builder.Configuration, defaults);
        var services = builder.Services;
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddChangeEvents(options.ChangeEventsRedis);

        if (options.UsesPostgres)
        {
            if (builder.Configuration["Logging:LogLevel:Npgsql"] is null)
            {
                // Npgsql logs every statement at Information; the subgraph's log keeps to its own events.
                builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
            }

            var connectionString = options.ConnectionString!;
            services.TryAddSingleton(provider =>
            {
                var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>());
                defaults.DataSource?.Invoke(dataSource);
                return dataSource.Build();
            });
            services.TryAddSingleton(provider => new ChangeOutbox(provider.GetRequiredService<NpgsqlDataSource>(), options.Schema));
            services.TryAddSingleton<ChangeOutboxRelay>();
            services.TryAddSingleton(provider => new PostgresStorage(
                provider.GetRequiredService<NpgsqlDataSource>(),
                options.Schema,
                provider.GetRequiredService<ChangeOutbox>(),
                provider.GetRequiredService<ChangeOutboxRelay>().Wake));
            services.TryAddSingleton(provider => postgres(provider, provider.GetRequiredService<PostgresStorage>()));
        }
        else
        {
            services.TryAddSingleton(inMemory);
        }

        services.TryAddSingleton<TStartup>();
        services.TryAddSingleton<IStoreStartup>(provider => provider.GetRequiredService<TStartup>());
        services.TryAddSingleton<StoreStartup>();

        // Hosted services start in the order they are registered: the relay reads the outbox the start-up creates.
        services.AddHostedService(provider => provider.GetRequiredService<StoreStartup>());
        if (options.UsesPostgres)
        {
            services.AddHostedService(provider => provider.GetRequiredService<ChangeOutboxRelay>());
        }

        services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            StoreStartup.CheckName,
            provider => provider.GetRequiredService<StoreStartup>(),
            failureStatus: null,
            tags: [SubgraphHosting.ReadinessTag]));
        return options;
    }
}
