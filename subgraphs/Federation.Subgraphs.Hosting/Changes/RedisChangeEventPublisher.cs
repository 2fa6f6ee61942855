using StackExchange.Redis;

namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>
/// Publishes change events as JSON on the Redis channel <see cref="ChangeEvent.Channel"/>, where the
/// gateway's cache listens. StackExchange.Redis 1.2.6 has no timeout on async calls, so each publish
/// is bounded here; a failure throws, and the outbox keeps the event for the next attempt.
/// </summary>
public sealed class RedisChangeEventPublisher(IConnectionMultiplexer redis, TimeSpan? timeout = null) : IChangeEventPublisher
{
    private readonly TimeSpan timeout = timeout ?? TimeSpan.FromSeconds(2);

    /// <summary>Connects without failing when Redis is down at start-up; the multiplexer reconnects.</summary>
    public static IConnectionMultiplexer Connect(string configuration) =>
        ConnectionMultiplexer.Connect(configuration + ",abortConnect=false,connectTimeout=2000,syncTimeout=2000");

    public async Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await redis.GetSubscriber()
            .PublishAsync(RedisChannel.Literal(ChangeEvent.Channel), change.ToJson())
            .WaitAsync(timeout, cancellationToken)
            .ConfigureAwait(false);
    }
}
