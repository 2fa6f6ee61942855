using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Caching;

/// <summary>
/// The entity cache: a bounded in-process layer and, when <see cref="CacheOptions.Redis"/> is set, Redis
/// shared by every gateway instance, with a backplane so that an eviction reaches every instance's
/// in-process layer — FusionCache over StackExchange.Redis. Redis failing or slow is never the
/// client's problem: a read that fails or outlasts <see cref="CacheOptions.RedisTimeout"/> is a miss
/// (the subgraph answers), writes go on in the background, and after a failure Redis is left alone for
/// <see cref="CacheOptions.RedisRetryAfter"/> (FusionCache's circuit breaker) and used again once it answers;
/// evictions made meanwhile are replayed when it is back (auto-recovery).
/// </summary>
internal sealed class EntityCache : IEntityCacheInvalidation, IDisposable
{
    private readonly FusionCache cache;
    private readonly MemoryCache memory;
    private readonly IConnectionMultiplexer? redis;
    private readonly FusionCacheEntryOptions readOptions;
    private readonly FusionCacheEntryOptions localReadOptions;
    private readonly FusionCacheEntryOptions evictOptions;
    private readonly Func<ShareCatalogue?> catalogue;
    private readonly Func<Supergraph?> supergraph;

    private EntityCache(CacheOptions options, FusionCache cache, MemoryCache memory, IConnectionMultiplexer? redis, Func<ShareCatalogue?> catalogue, Func<Supergraph?> supergraph)
    {
        Options = options;
        this.cache = cache;
        this.memory = memory;
        this.redis = redis;
        this.catalogue = catalogue;
        this.supergraph = supergraph;
        // Reads rethrow Redis's failures so that they are counted per resource; the read is then a miss.
        readOptions = cache.DefaultEntryOptions.Duplicate();
        readOptions.ReThrowDistributedCacheExceptions = true;
        localReadOptions = readOptions.Duplicate();
        localReadOptions.SkipDistributedCacheRead = true;
        // An eviction waits for Redis: done in the background, it let this instance's next read find the old
        // entry still in Redis and keep it again in its in-process layer, until the entry's lifetime ended.
        evictOptions = cache.DefaultEntryOptions.Duplicate();
        evictOptions.AllowBackgroundDistributedCacheOperations = false;
    }

    public CacheOptions Options { get; }

    public CacheMetrics Metrics { get; } = new();

    /// <summary>Whether the shared layer is Redis (else the in-process layer alone).</summary>
    public bool Shared => redis is not null;

    /// <summary>The connection to the shared layer, when it is Redis: readiness pings it, tracing profiles it.</summary>
    public IConnectionMultiplexer? Redis => redis;

    /// <summary>
    /// The cache of <paramref name="options"/>; <paramref name="catalogue"/> and <paramref name="supergraph"/>
    /// are read at each eviction (a reload may serve others), to find a type's key and a resource's types.
    /// </summary>
    public static EntityCache Create(CacheOptions options, Func<ShareCatalogue?> catalogue, Func<Supergraph?> supergraph, ILoggerFactory? logs = null)
    {
        logs ??= NullLoggerFactory.Instance;
        var memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MemoryLimitBytes });
        var fusion = new FusionCacheOptions
        {
            CacheName = "Federation.Gateway.Cache",
            CacheKeyPrefix = options.KeyPrefix.Length == 0 ? null : options.KeyPrefix,
            BackplaneChannelPrefix = options.KeyPrefix + "federation:cache",
            DistributedCacheCircuitBreakerDuration = options.RedisRetryAfter,
            BackplaneCircuitBreakerDuration = options.RedisRetryAfter,
            EnableAutoRecovery = true,
            // A failing Redis is reported by the metrics and once by the circuit breaker, not by a log line per read.
            DistributedCacheErrorsLogLevel = LogLevel.Debug,
            DistributedCacheSyntheticTimeoutsLogLevel = LogLevel.Debug,
            BackplaneErrorsLogLevel = LogLevel.Warning,
            DefaultEntryOptions = new FusionCacheEntryOptions
            {
                Size = 1,
                DistributedCacheHardTimeout = options.RedisTimeout,
                DistributedCacheSoftTimeout = options.RedisTimeout,
                AllowBackgroundDistributedCacheOperations = true,
                AllowBackgroundBackplaneOperations = true,
                IsFailSafeEnabled = false,
            },
            // A tag's entry (when its entries were last evicted) changes only by an eviction, which every
            // instance hears through the backplane; kept for FusionCache's default 30 s, it expired under
            // load and a warm hit's synchronous in-process read then fetched it again from Redis, holding
            // the request's thread.
            TagsDefaultEntryOptions = new FusionCacheEntryOptions
            {
                Size = 1,
                Duration = options.MaxTtl,
                DistributedCacheHardTimeout = options.RedisTimeout,
                DistributedCacheSoftTimeout = options.RedisTimeout,
                AllowBackgroundDistributedCacheOperations = true,
                AllowBackgroundBackplaneOperations = true,
            },
        };
        var cache = new FusionCache(fusion, memory, logs.CreateLogger<FusionCache>());
        IConnectionMultiplexer? redis = null;
        if (options.Redis is { } configuration)
        {
            var redisOptions = ConfigurationOptions.Parse(configuration);
            // Start without Redis when it is down, reconnect when it returns; async calls time out on their own.
            redisOptions.AbortOnConnectFail = false;
            redisOptions.ConnectTimeout = Math.Min(redisOptions.ConnectTimeout, 2000);
            redisOptions.AsyncTimeout = Math.Min(redisOptions.AsyncTimeout, 2000);
            redisOptions.SyncTimeout = Math.Min(redisOptions.SyncTimeout, 2000);
            redisOptions.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
            var multiplexer = ConnectionMultiplexer.Connect(redisOptions);
            redis = multiplexer;
            cache.SetupSerializer(new FusionCacheSystemTextJsonSerializer());
            cache.SetupDistributedCache(new RedisCache(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(multiplexer),
            }));
            cache.SetupBackplane(new RedisBackplane(
                Microsoft.Extensions.Options.Options.Create(new RedisBackplaneOptions
                {
                    ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(multiplexer),
                }),
                logs.CreateLogger<RedisBackplane>()));
        }

        return new EntityCache(options, cache, memory, redis, catalogue, supergraph);
    }

    /// <summary>
    /// The entry at <paramref name="key"/> in the in-process layer alone, read without waiting: a warm hit costs
    /// no task. Null when the layer lacks it (<see cref="ReadAsync"/> then asks Redis, when there is one).
    /// </summary>
    public CachedEntry? ReadLocal(string key, string resource)
    {
        try
        {
            var found = cache.TryGet<CachedEntry>(key, localReadOptions);
            return found.HasValue ? found.Value : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Metrics.Error(resource);
            return null;
        }
    }

    /// <summary>The entry at <paramref name="key"/>; null when there is none, or Redis failed or was too slow (an error counted for <paramref name="resource"/>).</summary>
    public async ValueTask<CachedEntry?> ReadAsync(string key, string resource, CancellationToken cancellationToken)
    {
        try
        {
            var found = await cache.TryGetAsync<CachedEntry>(key, readOptions, cancellationToken).ConfigureAwait(false);
            return found.HasValue ? found.Value : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Metrics.Error(resource);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="entry"/> for <paramref name="ttl"/>; Redis is written in the background.</summary>
    public void Write(string key, string type, string resource, TimeSpan ttl, CachedEntry entry)
    {
        var options = cache.DefaultEntryOptions.Duplicate(ttl);
        options.Size = EstimatedSize(entry);
        _ = WriteAsync();

        async Task WriteAsync()
        {
            try
            {
                await cache.SetAsync(key, entry, options, [CacheKeys.TypeTag(type), CacheKeys.ResourceTag(resource)]).ConfigureAwait(false);
            }
            catch (Exception)
            {
                Metrics.Error(resource);
            }
        }
    }

    public async ValueTask EvictEntityAsync(string subgraph, string typeName, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subgraph);
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(key);
        var resources = CachedResourcesOf(typeName);
        if (KeyOf(subgraph, typeName, key) is not { } fields)
        {
            // A key the cache cannot read as this type's key (a compound key given as text): every entity of the type goes.
            await EvictTypeAsync(typeName, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var resource in resources)
        {
            Metrics.Evicted(resource);
            await cache.RemoveAsync(CacheKeys.Entry(subgraph, typeName, resource, fields), evictOptions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask EvictTypeAsync(string typeName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        foreach (var resource in CachedResourcesOf(typeName))
        {
            Metrics.Evicted(resource);
        }

        await cache.RemoveByTagAsync(CacheKeys.TypeTag(typeName), evictOptions, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask EvictResourceAsync(string resourceCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceCode);
        Metrics.Evicted(resourceCode);
        await cache.RemoveByTagAsync(CacheKeys.ResourceTag(resourceCode), evictOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The key fields of <paramref name="type"/> in <paramref name="subgraph"/> from a change event's key: the value of a one-field key, or a JSON object of the fields.</summary>
    private Dictionary<string, object?>? KeyOf(string subgraph, string type, string key)
    {
        if (key.StartsWith('{'))
        {
            try
            {
                return PlainJson.Read(System.Text.Encoding.UTF8.GetBytes(key)) as Dictionary<string, object?>;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }

        if (supergraph()?.Type(type) is not { } composed)
        {
            return null;
        }

        foreach (var defined in composed.Subgraphs)
        {
            // A one-field key: the event's key is that field's value.
            if (defined.Subgraph == subgraph && defined.Resolvable && defined.Key?.Trim() is { Length: > 0 } fields
                && !fields.Contains(' ', StringComparison.Ordinal) && !fields.Contains('{', StringComparison.Ordinal))
            {
                return new Dictionary<string, object?>(StringComparer.Ordinal) { [fields] = key };
            }
        }

        return null;
    }

    /// <summary>The cacheable resources (unconditional, with a time-to-live) with a field of <paramref name="type"/>.</summary>
    private List<string> CachedResourcesOf(string type)
    {
        var resources = new List<string>();
        if (catalogue() is not { } current)
        {
            return resources;
        }

        foreach (var resource in current.Resources)
        {
            if (resource.Class == ShareClass.Unconditional && Options.TtlOf(resource.UpdateFrequency) is not null
                && resource.Fields.Any(field => field.StartsWith(type + ".", StringComparison.Ordinal) && !field.Contains('(', StringComparison.Ordinal)))
            {
                resources.Add(resource.Id);
            }
        }

        return resources;
    }

    /// <summary>
    /// The entry's in-process size for <see cref="CacheOptions.MemoryLimitBytes"/>: two bytes a character, plus the
    /// dictionary's overhead, and as much again for each value's decoded copy (<see cref="CachedEntry.TryValue"/>).
    /// </summary>
    private static long EstimatedSize(CachedEntry entry)
    {
        long size = 256;
        foreach (var (name, value) in entry.Fields)
        {
            size += 128 + (2L * name.Length) + (4L * value.Length);
        }

        return size + (entry.SeenBy?.Sum(view => 32 + (2L * view.Length)) ?? 0);
    }

    public void Dispose()
    {
        cache.Dispose();
        memory.Dispose();
        redis?.Dispose();
        Metrics.Dispose();
    }
}
