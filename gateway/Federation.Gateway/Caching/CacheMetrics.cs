using System.Diagnostics.Metrics;

namespace Federation.Gateway.Caching;

/// <summary>
/// The entity cache's counters on the meter <c>Federation.Gateway.Cache</c>, each with the catalogue
/// resource as the <c>resource</c> tag: hits and misses per entity and resource looked up, evictions
/// asked (an entity, a type or a resource), errors (Redis failed or timed out, an entry that does not read).
/// </summary>
internal sealed class CacheMetrics : IDisposable
{
    public const string MeterName = "Federation.Gateway.Cache";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> hits;
    private readonly Counter<long> misses;
    private readonly Counter<long> evictions;
    private readonly Counter<long> errors;

    public CacheMetrics()
    {
        hits = meter.CreateCounter<long>("federation.gateway.cache.hits", "{entry}", "Entries served from the cache.");
        misses = meter.CreateCounter<long>("federation.gateway.cache.misses", "{entry}", "Entries looked up and not found: asked of the subgraph.");
        evictions = meter.CreateCounter<long>("federation.gateway.cache.evictions", "{eviction}", "Evictions asked: of an entity, a type or a resource.");
        errors = meter.CreateCounter<long>("federation.gateway.cache.errors", "{error}", "Cache reads or writes that failed or timed out, and entries that did not read.");
    }

    public void Hit(string resource) => hits.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void Miss(string resource) => misses.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void Evicted(string resource) => evictions.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void Error(string resource) => errors.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void Dispose() => meter.Dispose();
}
