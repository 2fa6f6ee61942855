using System.Diagnostics.Metrics;
using Federation.Gateway.Composition;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Federation.Gateway.Caching.Changes;

/// <summary>
/// Listens on <c>federation:changes</c> (<see cref="ChangeNotice.Channel"/>), where the subgraphs'
/// outbox relays publish each committed correction, and evicts the entity each event names through
/// <see cref="IEntityCacheInvalidation"/> — in Redis and, through the cache's backplane, in every
/// gateway instance's in-process layer. Each instance listens too, so an instance that misses the
/// backplane's message still evicts its own copy.
/// <para>
/// Redis publish/subscribe keeps nothing for a subscriber that is not connected: events published
/// while this instance was cut off from Redis are lost to it, although the outbox published them. So
/// whenever the subscription (re)starts — at start-up, and after every lost connection — the listener
/// evicts, conservatively, every entity type an event could name (<see cref="EvictEverythingNamableAsync"/>),
/// once the channel is subscribed again: whatever was cached before the gap is gone, and whatever is
/// cached after it was read after the subscription was back, so a later change reaches it as an event.
/// An eviction that fails (Redis gone again) is retried in the same way until it succeeds.
/// </para>
/// </summary>
internal sealed partial class ChangeEventListener : BackgroundService
{
    private static readonly Meter Meter = new(CacheMetrics.MeterName);
    private static readonly Counter<long> Events = Meter.CreateCounter<long>(
        "federation.cache.change_events", unit: "{event}", description: "Change events read from federation:changes, by outcome (evicted or the code they were dropped with).");
    private static readonly Counter<long> Gaps = Meter.CreateCounter<long>(
        "federation.cache.change_gaps", unit: "{gap}", description: "Times the listener evicted every entity type after (re)subscribing.");

    private readonly string configuration;
    private readonly SupergraphSource source;
    private readonly IEntityCacheInvalidation cache;
    private readonly ILogger<ChangeEventListener> logger;
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);
    private int gap = 1;

    public ChangeEventListener(string configuration, SupergraphSource source, IEntityCacheInvalidation cache, ILogger<ChangeEventListener> logger)
    {
        this.configuration = configuration;
        this.source = source;
        this.cache = cache;
        this.logger = logger;
    }

    /// <summary>How long to wait between attempts while Redis cannot be reached.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Raised after each conservative eviction of every namable type (start-up and every reconnection); for tests and operators' logs.</summary>
    public event Action? GapClosed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "federation-gateway-changes";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        redis.ConnectionFailed += (_, args) =>
        {
            // Whatever is published from now until the subscription is back never reaches this instance.
            Interlocked.Exchange(ref gap, 1);
            ConnectionLost(logger, args.ConnectionType.ToString(), args.FailureType.ToString());
        };
        redis.ConnectionRestored += (_, _) => wake.Release();

        var subscriber = redis.GetSubscriber();
        var channel = RedisChannel.Literal(ChangeNotice.Channel);
        ChannelMessageQueue? queue = null;
        while (queue is null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                queue = await subscriber.SubscribeAsync(channel).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                SubscribeFailed(logger, exception);
                await Task.Delay(RetryInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        if (queue is null)
        {
            return;
        }

        var gaps = CloseGapsAsync(subscriber, channel, stoppingToken);
        try
        {
            await foreach (var message in queue.WithCancellation(stoppingToken).ConfigureAwait(false))
            {
                await HandleAsync((byte[]?)message.Message ?? [], stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
            await gaps.ConfigureAwait(false);
        }
    }

    /// <summary>Reads one message and evicts the entity it names; drops (and logs) anything else.</summary>
    internal async Task HandleAsync(byte[] message, CancellationToken cancellationToken)
    {
        var reading = ChangeNotice.Read(message, source.Current);
        if (reading.Notice is not { } notice)
        {
            Events.Add(1, new KeyValuePair<string, object?>("outcome", reading.Code));
            Dropped(logger, reading.Code!, reading.Reason!, message.Length);
            return;
        }

        try
        {
            await cache.EvictEntityAsync(notice.Subgraph, notice.Type, notice.Key, cancellationToken).ConfigureAwait(false);
            Events.Add(1, new KeyValuePair<string, object?>("outcome", "evicted"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The entity may still be cached somewhere: evict its whole type once the cache can be reached.
            Interlocked.Exchange(ref gap, 1);
            wake.Release();
            EvictionFailed(logger, exception, notice.Subgraph, notice.Type);
        }
    }

    /// <summary>Evicts every namable type whenever a gap is open and the channel is subscribed (again).</summary>
    private async Task CloseGapsAsync(ISubscriber subscriber, RedisChannel channel, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (Volatile.Read(ref gap) == 1 && subscriber.IsConnected(channel))
            {
                Interlocked.Exchange(ref gap, 0);
                try
                {
                    var types = await EvictEverythingNamableAsync(stoppingToken).ConfigureAwait(false);
                    Gaps.Add(1);
                    GapClosed?.Invoke();
                    GapEvicted(logger, types);
                    continue;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Exchange(ref gap, 1);
                    EvictionFailed(logger, exception, "*", "*");
                }
            }

            try
            {
                await wake.WaitAsync(Volatile.Read(ref gap) == 1 ? RetryInterval : Timeout.InfiniteTimeSpan, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Evicts every entity type a change event could name in the supergraph served; the number of types.</summary>
    private async Task<int> EvictEverythingNamableAsync(CancellationToken cancellationToken)
    {
        var supergraph = source.Current;
        var evicted = 0;
        foreach (var type in supergraph.Types.Values)
        {
            if (supergraph.Subgraphs.Any(s => ChangeNotice.IsCacheableEntity(supergraph, s.Name, type.Name)))
            {
                await cache.EvictTypeAsync(type.Name, cancellationToken).ConfigureAwait(false);
                evicted++;
            }
        }

        return evicted;
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 7101, EventName = "ChangeEventDropped", Level = LogLevel.Warning,
        Message = "A message on federation:changes was dropped ({Code}): {Reason} ({Bytes} bytes); nothing was evicted")]
    private static partial void Dropped(ILogger logger, string code, string reason, int bytes);

    [LoggerMessage(EventId = 7102, EventName = "ChangeEvictionFailed", Level = LogLevel.Error,
        Message = "Evicting {Type} of {Subgraph} failed; every entity type is evicted once the cache can be reached")]
    private static partial void EvictionFailed(ILogger logger, Exception exception, string subgraph, string type);

    [LoggerMessage(EventId = 7103, EventName = "ChangeGapEvicted", Level = LogLevel.Information,
        Message = "Subscribed to federation:changes; events published while not subscribed are unknown, so {Types} entity types were evicted")]
    private static partial void GapEvicted(ILogger logger, int types);

    [LoggerMessage(EventId = 7104, EventName = "ChangeSubscribeFailed", Level = LogLevel.Warning,
        Message = "Subscribing to federation:changes failed; trying again")]
    private static partial void SubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7105, EventName = "ChangeConnectionLost", Level = LogLevel.Warning,
        Message = "The connection to Redis ({ConnectionType}) was lost ({FailureType}); cached entities are evicted by type once it is back")]
    private static partial void ConnectionLost(ILogger logger, string connectionType, string failureType);
}
