using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Federation.Gateway.Caching;

internal static class CacheServices
{
    /// <summary>
    /// The entity cache from the <c>Cache</c> section: <see cref="EntityCache"/> and, for the change-event
    /// listener and the eviction mutation, <see cref="IEntityCacheInvalidation"/> (the same instance). Nothing
    /// is registered with <c>Cache:Enabled=false</c>. Settings that cannot work stop the start with what is wrong.
    /// </summary>
    public static IServiceCollection AddEntityCache(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Read(configuration);
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(provider => EntityCache.Create(
            options,
            () => provider.GetService<SupergraphSource>()?.Current.Catalogue ?? provider.GetService<ShareCatalogue>(),
            () => provider.GetService<SupergraphSource>()?.Current,
            provider.GetService<ILoggerFactory>()));
        services.AddSingleton<IEntityCacheInvalidation>(provider => provider.GetRequiredService<EntityCache>());
        if (options.Redis is not null)
        {
            // The gateway's Redis connection, for the readiness check (GatewayHealth) and the Redis spans
            // (ServiceTelemetry), which take the registered multiplexer: the cache's own, not a second one.
            services.AddSingleton<IConnectionMultiplexer>(provider => provider.GetRequiredService<EntityCache>().Redis!);
        }

        return services;
    }

    /// <summary>The <c>Cache</c> section; throws <see cref="CacheConfigurationException"/> naming each problem.</summary>
    public static CacheOptions Read(IConfiguration configuration)
    {
        var options = new CacheOptions();
        try
        {
            configuration.GetSection(CacheOptions.Section).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new CacheConfigurationException($"The {CacheOptions.Section} section does not read: {exception.Message}");
        }

        if (options.Enabled && options.Problems() is { Count: > 0 } problems)
        {
            throw new CacheConfigurationException("The entity cache's settings are wrong: " + string.Join(" ", problems));
        }

        return options;
    }
}
