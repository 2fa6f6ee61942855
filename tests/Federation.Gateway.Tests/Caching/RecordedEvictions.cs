using System.Collections.Concurrent;
using Federation.Gateway.Caching;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// An <see cref="IEntityCacheInvalidation"/> that records what it is asked to evict: for the tests of
/// the callers (the change-event listener, the department's eviction), which check what is asked of
/// the cache, not the cache itself. <see cref="Failing"/> makes every call throw, as a cache whose
/// Redis is gone might.
/// </summary>
internal sealed class RecordedEvictions : IEntityCacheInvalidation
{
    private readonly ConcurrentQueue<string> calls = new();
    private readonly SemaphoreSlim recorded = new(0, int.MaxValue);

    public bool Failing { get; set; }

    /// <summary>Every call so far, as <c>entity subgraph/type/key</c>, <c>type T</c> or <c>resource R</c>.</summary>
    public IReadOnlyList<string> Calls => [.. calls];

    public ValueTask EvictEntityAsync(string subgraph, string typeName, string key, CancellationToken cancellationToken = default) =>
        Record($"entity {subgraph}/{typeName}/{key}");

    public ValueTask EvictTypeAsync(string typeName, CancellationToken cancellationToken = default) => Record($"type {typeName}");

    public ValueTask EvictResourceAsync(string resourceCode, CancellationToken cancellationToken = default) => Record($"resource {resourceCode}");

    /// <summary>Waits until a call satisfies <paramref name="match"/>; false when none did within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!calls.Any(match))
        {
            try
            {
                await recorded.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return calls.Any(match);
            }
        }

        return true;
    }

    private ValueTask Record(string call)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The cache cannot be reached.");
        }

        calls.Enqueue(call);
        recorded.Release();
        return ValueTask.CompletedTask;
    }
}
