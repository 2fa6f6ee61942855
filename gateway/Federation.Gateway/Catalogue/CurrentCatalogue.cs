using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// The share catalogue the gateway serves now. What depends on the catalogue changing while the
/// gateway runs — the agencies registry the token gate admits callers by, the share workflow — reads
/// <see cref="Catalogue"/> per request instead of keeping the catalogue it started with; a change
/// swaps the one reference atomically, so a request never sees half of one catalogue.
/// </summary>
internal sealed class CurrentCatalogue
{
    private volatile ShareCatalogue catalogue;

    public CurrentCatalogue(ShareCatalogue initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        catalogue = initial;
    }

    public ShareCatalogue Catalogue => catalogue;

    public void Replace(ShareCatalogue next)
    {
        ArgumentNullException.ThrowIfNull(next);
        catalogue = next;
    }
}

internal static class CurrentCatalogueServices
{
    /// <summary>The <see cref="CurrentCatalogue"/>, starting with the registered <see cref="ShareCatalogue"/>, unless a host registered its own.</summary>
    public static IServiceCollection TryAddCurrentCatalogue(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new CurrentCatalogue(provider.GetRequiredService<ShareCatalogue>()));
        return services;
    }
}
