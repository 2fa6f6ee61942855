using StackExchange.Redis;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>
/// Publishes change events as JSON on the Redis channel <see cref="ChangeEvent.Channel"/>, where the
/// gateway's cache listens. A publish that fails or outlasts the multiplexer's async timeout throws,
/// and the outbox keeps the event for the next attempt.
/// </summary>
public sealed class RedisChangeEventPublisher(IConnectionMultiplexer redis) : IChangeEventPublisher
{
    /// <summary>
    /// Connects without failing when Redis is down at start-up; the multiplexer reconnects. Async calls time
    /// out after 2 s, checked on each heartbeat (every 500 ms here).
    /// </summary>
    public static IConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
        return ConnectionMultiplexer.Connect(options);
    }

    public async Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        await redis.GetSubscriber()
            .PublishAsync(RedisChannel.Literal(ChangeEvent.Channel), change.ToJson())
            .ConfigureAwait(false);
    }
}
