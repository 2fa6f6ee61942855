namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>
/// Change events delivered in the process: to subscribers (the embedded gateway's cache) and kept,
/// the newest <see cref="Capacity"/>, for inspection. The embedded default when there is no Redis.
/// </summary>
public sealed class InProcessChangeFeed : IChangeEventPublisher
{
    public const int Capacity = 10_000;

    private readonly Lock gate = new();
    private readonly Queue<ChangeEvent> recent = new();
    private ImmutableSubscribers subscribers = new([]);

    public Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            if (recent.Count == Capacity)
            {
                recent.Dequeue();
            }

            recent.Enqueue(change);
        }

        foreach (var subscriber in subscribers.Handlers)
        {
            subscriber(change);
        }

        return Task.CompletedTask;
    }

    /// <summary>The events published so far, oldest first (at most <see cref="Capacity"/>).</summary>
    public IReadOnlyList<ChangeEvent> Recent
    {
        get
        {
            lock (gate)
            {
                return [.. recent];
            }
        }
    }

    /// <summary>Calls <paramref name="handler"/> with every event published from now on, until disposed.</summary>
    public IDisposable Subscribe(Action<ChangeEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            subscribers = new([.. subscribers.Handlers, handler]);
        }

        return new Subscription(this, handler);
    }

    private void Unsubscribe(Action<ChangeEvent> handler)
    {
        lock (gate)
        {
            subscribers = new([.. subscribers.Handlers.Where(h => h != handler)]);
        }
    }

    private sealed record ImmutableSubscribers(Action<ChangeEvent>[] Handlers);

    private sealed class Subscription(InProcessChangeFeed feed, Action<ChangeEvent> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
