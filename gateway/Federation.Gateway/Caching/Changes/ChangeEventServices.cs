using Federation.Gateway.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Caching.Changes;

/// <summary>The change-event listener's registration: one line in the gateway's set-up.</summary>
internal static class ChangeEventServices
{
    /// <summary>
    /// Listens on <c>federation:changes</c> when the cache is on (<c>Cache:Enabled</c>, default true),
    /// shared through Redis (<c>Cache:Redis</c>) and evicted by change events (<c>Cache:ChangeEvents</c>,
    /// default true). Without Redis there is nothing to listen to: the one-command run's embedded
    /// subgraphs and its in-process cache live in one process.
    /// </summary>
    public static IServiceCollection AddChangeEventListener(this IServiceCollection services, IConfiguration configuration)
    {
        var options = CacheServices.Read(configuration);
        if (!options.Enabled || !options.ChangeEvents || options.Redis is not { } redis)
        {
            return services;
        }

        services.AddSingleton(provider => new ChangeEventListener(
            redis,
            provider.GetRequiredService<SupergraphSource>(),
            provider.GetRequiredService<IEntityCacheInvalidation>(),
            provider.GetRequiredService<ILogger<ChangeEventListener>>()));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ChangeEventListener>());
        return services;
    }
}
