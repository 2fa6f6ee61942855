using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;
using Federation.GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Authorization;

/// <summary>
/// Share authorization as the gateway's services hold it: the catalogue it starts with, the grant
/// book and the mode. Each served supergraph gets its own <see cref="OperationAuthorizer"/>, over
/// the catalogue it is served with; the denials go into each request, for the record stage.
/// </summary>
internal sealed class ShareAuthorization(ShareCatalogue catalogue, IGrantBook grants, IOptions<AuthorizationOptions> options, TimeProvider time)
{
    public ShareCatalogue Catalogue => catalogue;

    public OperationAuthorizer For(Schema api) => For(api, catalogue);

    /// <summary>
    /// The authorizer of <paramref name="api"/> over <paramref name="served"/>, the catalogue served with it
    /// (<c>Supergraph.Catalogue</c>); with <paramref name="auditSubjects"/>, the planner's document fetches the
    /// data subjects' identifiers for the audit trail.
    /// </summary>
    public OperationAuthorizer For(Schema api, ShareCatalogue served, bool auditSubjects = false) =>
        new(new CatalogueFields(api, served), grants, options.Value, time, auditSubjects);
}

internal static class ShareAuthorizationServices
{
    /// <summary>
    /// The authorization stage (<c>Authorization:*</c>); the <see cref="ShareCatalogue"/> and the
    /// <see cref="IGrantBook"/> come from their own registrations — a host without the share
    /// workflow has no grants, so every resource that needs an application is refused (fail
    /// closed).
    /// </summary>
    public static IServiceCollection AddShareAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthorizationOptions>(configuration.GetSection(AuthorizationOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ShareAuthorization(
            provider.GetRequiredService<ShareCatalogue>(),
            provider.GetService<IGrantBook>() ?? NoGrants.Instance,
            provider.GetRequiredService<IOptions<AuthorizationOptions>>(),
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
