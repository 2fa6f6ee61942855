using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Caching;

/// <summary>
/// The entity cache's settings, bound from the <c>Cache</c> section: whether the unconditional base data
/// is cached at all, where the shared layer is (Redis, or none: the in-process layer alone, the
/// one-command run's default), how large the in-process layer may grow, and how long an entry lives
/// per catalogue update frequency.
/// </summary>
internal sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary><c>Cache:Enabled</c>: false serves every field from the subgraphs, as without a cache.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Cache:Redis</c>: a StackExchange.Redis configuration string; absent, the in-process layer alone.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// <c>Cache:KeyPrefix</c>: put before every key and the backplane's channel, so that platforms (or
    /// tests) sharing one Redis keep apart; every instance of one gateway uses the same. Default none.
    /// </summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>
    /// <c>Cache:ChangeEvents</c>: whether the subgraphs' change events evict this gateway's entries. REAL_TIME
    /// resources (Guangzhou art. 17) are cached only then, and for <see cref="RealTimeTtl"/> at most.
    /// </summary>
    public bool ChangeEvents { get; set; } = true;

    /// <summary>The in-process layer's bound, in (estimated) bytes of the cached values: 128 MiB by default.</summary>
    public long MemoryLimitBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The safety time-to-live of REAL_TIME resources, which change events evict.</summary>
    public TimeSpan RealTimeTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest any entry lives: the other frequencies live one update period (a copy never older
    /// than the provider's own cycle), capped here.
    /// </summary>
    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one Redis read may take before the request goes to the subgraph instead.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long Redis is left alone after a failure before it is tried again (the circuit breaker).</summary>
    public TimeSpan RedisRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most keys a root list lookup (<c>personsByIdNumbers(idNumbers:)</c>) may hold to be served from the cache: the
    /// subgraphs' own limit on keys per lookup, so the cache never answers a list the subgraph would refuse; a longer
    /// one is sent as it is.
    /// </summary>
    public int MaxLookupKeys { get; set; } = 100;

    /// <summary>The time-to-live of an entry of a resource updated at <paramref name="frequency"/>; null when it is not cached.</summary>
    public TimeSpan? TtlOf(UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.RealTime => ChangeEvents ? RealTimeTtl : null,
        UpdateFrequency.Daily => Capped(TimeSpan.FromDays(1)),
        UpdateFrequency.Weekly => Capped(TimeSpan.FromDays(7)),
        UpdateFrequency.Monthly => Capped(TimeSpan.FromDays(30)),
        UpdateFrequency.Quarterly => Capped(TimeSpan.FromDays(91)),
        UpdateFrequency.Yearly => Capped(TimeSpan.FromDays(365)),
        _ => null,
    };

    private TimeSpan Capped(TimeSpan period) => period < MaxTtl ? period : MaxTtl;

    /// <summary>What is wrong with these settings, one sentence each; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Redis is { } redis)
        {
            try
            {
                StackExchange.Redis.ConfigurationOptions.Parse(redis);
            }
            catch (ArgumentException exception)
            {
                problems.Add($"{Section}:Redis is not a StackExchange.Redis configuration string: {exception.Message}");
            }

            if (string.IsNullOrWhiteSpace(redis))
            {
                problems.Add($"{Section}:Redis is empty: leave it out for the in-process layer alone.");
            }
        }

        if (KeyPrefix.Length > 64 || KeyPrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.')))
        {
            problems.Add($"{Section}:KeyPrefix may hold at most 64 of A-Z a-z 0-9 : - _ . (it is \"{KeyPrefix}\").");
        }

        if (MemoryLimitBytes < 1024 * 1024)
        {
            problems.Add($"{Section}:MemoryLimitBytes must be at least 1048576 (1 MiB) (it is {MemoryLimitBytes}).");
        }

        if (RealTimeTtl < TimeSpan.FromSeconds(1) || RealTimeTtl > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{Section}:RealTimeTtl must be between 00:00:01 and 00:10:00: REAL_TIME data is cached only for a short safety time (it is {RealTimeTtl}).");
        }

        if (MaxTtl < TimeSpan.FromSeconds(1) || MaxTtl > TimeSpan.FromDays(365))
        {
            problems.Add($"{Section}:MaxTtl must be between 00:00:01 and 365.00:00:00 (it is {MaxTtl}).");
        }

        if (RedisTimeout < TimeSpan.FromMilliseconds(10) || RedisTimeout > TimeSpan.FromSeconds(10))
        {
            problems.Add($"{Section}:RedisTimeout must be between 00:00:00.010 and 00:00:10 (it is {RedisTimeout}).");
        }

        if (RedisRetryAfter < TimeSpan.FromMilliseconds(100) || RedisRetryAfter > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{Section}:RedisRetryAfter must be between 00:00:00.100 and 00:05:00 (it is {RedisRetryAfter}).");
        }

        if (MaxLookupKeys < 1 || MaxLookupKeys > 10_000)
        {
            problems.Add($"{Section}:MaxLookupKeys must be between 1 and 10000 (it is {MaxLookupKeys}).");
        }

        return problems;
    }
}
