namespace Federation.Gateway.Caching;

/// <summary>
/// Evicts cached entities: what a providing agency's change event and the competent department's
/// eviction ask of the entity cache. An eviction reaches Redis and every gateway instance's
/// in-process layer, so no instance serves the old values after it returns.
/// </summary>
/// <remarks>
/// The seam between the cache (which owns its keys and entries) and the callers that evict: the
/// change-event listener and the eviction mutation. <paramref name="key"/> in
/// <see cref="EvictEntityAsync"/> is the key as a change event carries it (for example a licence
/// number or a parcel's unit code); the cache maps it to its own entries.
/// </remarks>
public interface IEntityCacheInvalidation
{
    /// <summary>Evicts one entity of <paramref name="typeName"/> provided by <paramref name="subgraph"/>.</summary>
    ValueTask EvictEntityAsync(string subgraph, string typeName, string key, CancellationToken cancellationToken = default);

    /// <summary>Evicts every cached entity of <paramref name="typeName"/>.</summary>
    ValueTask EvictTypeAsync(string typeName, CancellationToken cancellationToken = default);

    /// <summary>Evicts every cached value of the catalogue resource <paramref name="resourceCode"/>.</summary>
    ValueTask EvictResourceAsync(string resourceCode, CancellationToken cancellationToken = default);
}
