using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;
using Federation.GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Authorization;

/// <summary>
/// Share authorization as the gateway's services hold it: the catalogue, the grant book, the mode
/// and where denials go. Each served schema gets its own <see cref="OperationAuthorizer"/>.
/// </summary>
internal sealed class ShareAuthorization(ShareCatalogue catalogue, IGrantBook grants, IOptions<AuthorizationOptions> options, IAccessDecisionLog log, TimeProvider time)
{
    public ShareCatalogue Catalogue => catalogue;

    public OperationAuthorizer For(Schema api) => new(new CatalogueFields(api, catalogue), grants, options.Value, log, time);

    /// <summary>
    /// The same authorization over <paramref name="served"/>, the catalogue a supergraph is served with
    /// (a reload swaps them together); this one when null.
    /// </summary>
    public ShareAuthorization ServedWith(ShareCatalogue? served) =>
        served is null || ReferenceEquals(served, catalogue) ? this : new(served, grants, options, log, time);
}

internal static class ShareAuthorizationServices
{
    /// <summary>
    /// The authorization stage (<c>Authorization:*</c>); the <see cref="ShareCatalogue"/> and the
    /// <see cref="IGrantBook"/> come from their own registrations — a host without the share
    /// workflow has no grants, so every resource that needs an application is refused (fail
    /// closed). Denials go to the log unless an <see cref="IAccessDecisionLog"/> is registered.
    /// </summary>
    public static IServiceCollection AddShareAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthorizationOptions>(configuration.GetSection(AuthorizationOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessDecisionLog, LoggedAccessDecisions>();
        services.TryAddSingleton(provider => new ShareAuthorization(
            provider.GetRequiredService<ShareCatalogue>(),
            provider.GetService<IGrantBook>() ?? NoGrants.Instance,
            provider.GetRequiredService<IOptions<AuthorizationOptions>>(),
            provider.GetRequiredService<IAccessDecisionLog>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    private sealed class NoGrants : IGrantBook
    {
        public static readonly NoGrants Instance = new();

        public ValueTask<IReadOnlyList<Grant>> ActiveGrantsAsync(string agency, DateTimeOffset at, CancellationToken cancellationToken) =>
            new([]);
    }
}
