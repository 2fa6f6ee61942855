using Federation.ServiceDefaults.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>Where an agency subgraph's change events go, set up the same way in each.</summary>
public static class ChangeEventSetup
{
    /// <summary>The readiness check of the change events' Redis.</summary>
    public const string RedisCheckName = "redis-change-events";

    /// <summary>
    /// The <see cref="IChangeEventPublisher"/>: Redis when <paramref name="redis"/> is set (the
    /// multiplexer is a service, so it is disposed with the application), else the
    /// <see cref="InProcessChangeFeed"/>. The feed is registered either way, so an embedding host can
    /// always subscribe to it; with Redis it stays empty. A PostgreSQL store's outbox relay publishes
    /// through the same publisher. Registrations already made (a test's, a host's) are kept.
    /// With Redis, the readiness check <see cref="RedisCheckName"/> pings it and reports <c>Degraded</c> — still
    /// ready — when it does not answer: the subgraph's own answers are right without it; the outbox keeps a
    /// PostgreSQL store's events until it is back, and the gateway evicts by type when its own subscription
    /// comes back (what an in-memory store publishes meanwhile is lost, as that store's data is at a restart).
    /// </summary>
    public static IServiceCollection AddChangeEvents(this IServiceCollection services, string? redis)
    {
        services.TryAddSingleton<InProcessChangeFeed>();
        if (!string.IsNullOrEmpty(redis))
        {
            services.TryAddSingleton(_ => RedisChangeEventPublisher.Connect(redis));
            services.TryAddSingleton<IChangeEventPublisher>(provider => new RedisChangeEventPublisher(provider.GetRequiredService<IConnectionMultiplexer>()));
            services.AddHealthChecks().AddRedis(
                provider => provider.GetRequiredService<IConnectionMultiplexer>(),
                name: RedisCheckName,
                failureStatus: HealthStatus.Degraded,
                tags: [ServiceHealth.ReadinessTag],
                timeout: TimeSpan.FromSeconds(3));
        }
        else
        {
            services.TryAddSingleton<IChangeEventPublisher>(provider => provider.GetRequiredService<InProcessChangeFeed>());
        }

        return services;
    }
}
