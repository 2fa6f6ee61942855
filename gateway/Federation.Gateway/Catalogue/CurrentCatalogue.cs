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
    private readonly Func<ShareCatalogue>? served;
    private volatile ShareCatalogue catalogue;

    public CurrentCatalogue(ShareCatalogue initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        catalogue = initial;
    }

    private CurrentCatalogue(Func<ShareCatalogue> served)
    {
        this.served = served;
        catalogue = served();
    }

    public ShareCatalogue Catalogue => served?.Invoke() ?? catalogue;

    /// <summary>
    /// The catalogue <paramref name="served"/> gives at each read — the one served with the supergraph
    /// (<c>Supergraph.Catalogue</c>), so the two are one reference and never out of step.
    /// </summary>
    public static CurrentCatalogue Following(Func<ShareCatalogue> served) => new(served);

    /// <exception cref="InvalidOperationException">This one follows the served supergraph's catalogue.</exception>
    public void Replace(ShareCatalogue next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (served is not null)
        {
            throw new InvalidOperationException("This catalogue follows the served supergraph; reload the supergraph and catalogue together.");
        }

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
