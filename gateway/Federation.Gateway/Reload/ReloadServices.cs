using Federation.Gateway.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Reload;

internal static class ReloadServices
{
    /// <summary>
    /// The reload of the served set (<c>Gateway:Reload:*</c>, <see cref="ReloadOptions"/>): the files it
    /// is made of (<paramref name="catalogueFile"/>, <paramref name="supergraphFile"/>, null for a copy
    /// built in; the subgraph config, <see cref="FollowedSubgraphConfig.Locate"/>), their watch, the live subgraphs' poll when an interval is set, and
    /// the operator's endpoint (<see cref="ReloadApi"/>). Needs <see cref="SupergraphReload"/> registered.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options cannot be served.</exception>
    public static IServiceCollection AddReload(this IServiceCollection services, IConfiguration configuration, string? catalogueFile, string? supergraphFile, string contentRoot)
    {
        var options = configuration.GetSection(ReloadOptions.Section).Get<ReloadOptions>() ?? new ReloadOptions();
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(options);
        var config = FollowedSubgraphConfig.Locate(options.SubgraphConfigFile, contentRoot);
        services.AddSingleton(provider => new ServedSetFiles(
            catalogueFile,
            supergraphFile,
            config is null ? null : new FollowedSubgraphConfig(config, provider.GetRequiredService<SubgraphSdlFetcher>)));
        if (options.WatchFiles && (catalogueFile is not null || supergraphFile is not null || config is not null))
        {
            services.AddHostedService<ServedSetWatcher>();
        }

        if (options.PollInterval is { } interval)
        {
            services.AddHostedService(provider => new LiveSubgraphPoll(
                provider.GetRequiredService<SupergraphReload>(), interval, provider.GetRequiredService<ILogger<LiveSubgraphPoll>>()));
        }

        return services;
    }
}
