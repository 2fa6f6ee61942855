namespace Federation.GraphQL.Execution;

/// <summary>
/// The DataLoader pattern: resolvers ask for single keys; the executor fetches every key asked for
/// while it had nothing else to run in one call, so a list of N objects costs one fetch per level
/// instead of N. Results are cached for the request: a key is fetched at most once.
/// A key missing from the fetched dictionary loads as <c>default</c>.
/// </summary>
public sealed class BatchLoader<TKey, TValue> : IBatchDispatch
    where TKey : notnull
{
    private readonly object gate = new();
    private readonly BatchRegistry registry;
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> fetch;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> loads = [];
    private List<TKey> queued = [];

    internal BatchLoader(BatchRegistry registry, Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> fetch)
    {
        this.registry = registry;
        this.fetch = fetch;
    }

    /// <summary>How many times this loader has called its fetch function.</summary>
    public int FetchCount { get; private set; }

    public ValueTask<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?>? load;
        bool first;
        lock (gate)
        {
            if (loads.TryGetValue(key, out load))
            {
                return load.Task.IsCompletedSuccessfully ? new ValueTask<TValue?>(load.Task.Result) : new ValueTask<TValue?>(load.Task);
            }

            // Continuations run inline when the executor completes the batch, so that the loads
            // they make in turn join the next batch rather than trickle out one by one.
            load = new TaskCompletionSource<TValue?>();
            loads[key] = load;
            queued.Add(key);
            first = queued.Count == 1;
        }

        if (first)
        {
            registry.Enqueue(this);
        }

        return new ValueTask<TValue?>(load.Task);
    }

    Task? IBatchDispatch.Dispatch(CancellationToken cancellationToken, out Action complete)
    {
        List<TKey> keys;
        lock (gate)
        {
            keys = queued;
            queued = [];
        }

        FetchCount++;
        ValueTask<IReadOnlyDictionary<TKey, TValue>> pending;
        try
        {
            pending = fetch(keys, cancellationToken);
        }
        catch (Exception exception)
        {
            complete = () => Fail(keys, exception);
            return null;
        }

        if (pending.IsCompleted)
        {
            complete = () => Complete(keys, pending);
            return null;
        }

        var task = pending.AsTask();
        complete = () => Complete(keys, new ValueTask<IReadOnlyDictionary<TKey, TValue>>(task));
        return task;
    }

    private void Complete(List<TKey> keys, ValueTask<IReadOnlyDictionary<TKey, TValue>> fetched)
    {
        IReadOnlyDictionary<TKey, TValue> values;
        try
        {
            values = fetched.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            Fail(keys, exception);
            return;
        }

        foreach (var key in keys)
        {
            TaskCompletionSource<TValue?> load;
            lock (gate)
            {
                load = loads[key];
            }

            load.TrySetResult(values.TryGetValue(key, out var value) ? value : default);
        }
    }

    private void Fail(List<TKey> keys, Exception exception)
    {
        foreach (var key in keys)
        {
            TaskCompletionSource<TValue?> load;
            lock (gate)
            {
                load = loads[key];
                loads.Remove(key);
            }

            load.TrySetException(exception);
        }
    }
}

/// <summary>A loader with keys waiting for a fetch.</summary>
internal interface IBatchDispatch
{
    /// <summary>
    /// Starts the fetch of the waiting keys. Returns the task to wait for, or null when the fetch
    /// already finished; <paramref name="complete"/> then hands the values to the waiting loads.
    /// </summary>
    Task? Dispatch(CancellationToken cancellationToken, out Action complete);
}

/// <summary>The batch loaders of one request and the loaders with keys waiting.</summary>
internal sealed class BatchRegistry(ReadyQueue ready)
{
    private readonly object gate = new();
    private readonly Dictionary<string, object> loaders = new(StringComparer.Ordinal);
    private readonly List<IBatchDispatch> waiting = [];

    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(string name, Delegate fetch)
        where TKey : notnull
    {
        lock (gate)
        {
            if (loaders.TryGetValue(name, out var existing))
            {
                return existing as BatchLoader<TKey, TValue>
                    ?? throw new InvalidOperationException($"Batch loader \"{name}\" is already used with other key or value types.");
            }

            var fetchTyped = fetch switch
            {
                Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> withToken => withToken,
                Func<IReadOnlyList<TKey>, ValueTask<IReadOnlyDictionary<TKey, TValue>>> plain => (keys, _) => plain(keys),
                _ => throw new ArgumentException("Unsupported fetch delegate.", nameof(fetch)),
            };
            var loader = new BatchLoader<TKey, TValue>(this, fetchTyped);
            loaders[name] = loader;
            return loader;
        }
    }

    public void Enqueue(IBatchDispatch loader)
    {
        lock (gate)
        {
            waiting.Add(loader);
        }

        // Wake the executor in case the load came from a resolver running off its loop.
        ready.Wake();
    }

    /// <summary>Takes the loaders with waiting keys, or null when there are none.</summary>
    public IBatchDispatch[]? TakeWaiting()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                return null;
            }

            var taken = waiting.ToArray();
            waiting.Clear();
            return taken;
        }
    }
}
