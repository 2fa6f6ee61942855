using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>Where an agency subgraph's change events go, set up the same way in each.</summary>
public static class ChangeEventSetup
{
    /// <summary>
    /// The <see cref="IChangeEventPublisher"/>: Redis when <paramref name="redis"/> is set (the
    /// multiplexer is a service, so it is disposed with the application), else the
    /// <see cref="InProcessChangeFeed"/>. The feed is registered either way, so an embedding host can
    /// always subscribe to it; with Redis it stays empty. A PostgreSQL store's outbox relay publishes
    /// through the same publisher. Registrations already made (a test's, a host's) are kept.
    /// </summary>
    public static IServiceCollection AddChangeEvents(this IServiceCollection services, string? redis)
    {
        services.TryAddSingleton<InProcessChangeFeed>();
        if (!string.IsNullOrEmpty(redis))
        {
            services.TryAddSingleton(_ => RedisChangeEventPublisher.Connect(redis));
            services.TryAddSingleton<IChangeEventPublisher>(provider => new RedisChangeEventPublisher(provider.GetRequiredService<IConnectionMultiplexer>()));
        }
        else
        {
            services.TryAddSingleton<IChangeEventPublisher>(provider => provider.GetRequiredService<InProcessChangeFeed>());
        }

        return services;
    }
}
