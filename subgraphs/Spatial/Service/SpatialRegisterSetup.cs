using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Spatial.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Federation.Subgraphs.Spatial;

/// <summary>
/// The configuration keys the four subgraphs share, read for the spatial register:
/// <c>Store</c> (InMemory | Postgres), <c>ConnectionStrings:Postgres</c>, <c>Store:Schema</c>
/// (default <c>spatial</c>), <c>Seed:Persons</c> (default 10 000; 0 = no seed),
/// <c>ChangeEvents:Redis</c> (optional), <c>GatewaySignature:*</c>.
/// </summary>
internal static class SpatialRegisterSetup
{
    public const string DefaultSchema = "spatial";

    /// <summary>Used only in Development when no secret is configured; a warning says so at start-up.</summary>
    public const string DevelopmentSecret = "development-only-spatial-gateway-secret-do-not-deploy";

    public static void AddSpatialRegister(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var options = new RegisterOptions(
            string.Equals(configuration["Store"], "Postgres", StringComparison.OrdinalIgnoreCase),
            configuration["Store:Schema"] is { Length: > 0 } schema ? schema : DefaultSchema,
            configuration.GetValue("Seed:Persons", Federation.Subgraphs.DemoData.DemoWorld.DefaultPersons));
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InProcessChangeFeed>();
        if (configuration["ChangeEvents:Redis"] is { Length: > 0 } redis)
        {
            services.TryAddSingleton<IChangeEventPublisher>(_ => new RedisChangeEventPublisher(RedisChangeEventPublisher.Connect(redis)));
        }
        else
        {
            services.TryAddSingleton<IChangeEventPublisher>(provider => provider.GetRequiredService<InProcessChangeFeed>());
        }

        if (options.UsePostgres)
        {
            var connectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Store is Postgres but ConnectionStrings:Postgres is not set.");
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.TryAddSingleton(provider => new ChangeOutbox(provider.GetRequiredService<NpgsqlDataSource>(), options.Schema));
            services.TryAddSingleton<ChangeOutboxRelay>();
            services.AddHostedService(provider => provider.GetRequiredService<ChangeOutboxRelay>());
            services.TryAddSingleton<ISpatialStore>(provider => new PostgresSpatialStore(
                provider.GetRequiredService<NpgsqlDataSource>(),
                options.Schema,
                provider.GetRequiredService<ChangeOutbox>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ChangeOutboxRelay>().Wake));
        }
        else
        {
            services.TryAddSingleton(provider => new InMemorySpatialStore(provider.GetRequiredService<IChangeEventPublisher>(), provider.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton<ISpatialStore>(provider => provider.GetRequiredService<InMemorySpatialStore>());
        }

        // Before the relay: the outbox table must exist when it first looks.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, RegisterStartup>());
    }
}

/// <summary>How the register is stored and seeded.</summary>
internal sealed record RegisterOptions(bool UsePostgres, string Schema, int SeedPersons);
