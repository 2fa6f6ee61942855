using System.Globalization;
using Federation.Gateway.Caching.Changes;
using Federation.Gateway.Composition;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Testing;
using StackExchange.Redis;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The gateway's listener on <c>federation:changes</c> against real Redis: the subgraphs' own publisher
/// on one side, the cache's seam (recorded) on the other. Other tests publish on the shared server's
/// channel too, so each test names entities of its own and looks only for them.
/// </summary>
public sealed class ChangeEventListenerTests
{
    private static readonly Supergraph Committed = Supergraph.Parse(File.ReadAllText(Repository.SupergraphFile));

    [Fact]
    public async Task A_correction_published_by_a_subgraph_evicts_its_entity_within_a_second()
    {
        var evictions = new RecordedEvictions();
        await using var listening = await ListeningAsync(TestServices.Redis, evictions);
        using var redis = RedisChangeEventPublisher.Connect(TestServices.Redis);
        var key = UniqueIdNumber();

        var published = DateTimeOffset.UtcNow;
        await new RedisChangeEventPublisher(redis).PublishAsync(
            new ChangeEvent("population", "Person", key, ["name"], "Objection 12", published), TestContext.Current.CancellationToken);

        Assert.True(await evictions.WaitForAsync(c => c == $"entity population/Person/{key}", TimeSpan.FromSeconds(1)), string.Join("; ", evictions.Calls));
    }

    [Fact]
    public async Task Hostile_messages_are_dropped_with_their_code_evict_nothing_and_the_listener_reads_on()
    {
        var evictions = new RecordedEvictions();
        var logs = new CollectedLogs<ChangeEventListener>();
        await using var listening = await ListeningAsync(TestServices.Redis, evictions, logs);
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        var subscriber = redis.GetSubscriber();
        var marker = "hostile-" + Guid.NewGuid().ToString("N");
        string[] hostile =
        [
            "not json " + marker,
            $$"""{"subgraph":"population","type":"Person","key":"{{marker}}","key":"{{marker}}-2"}""",
            $$"""{"subgraph":"population","type":"*","key":"{{marker}}"}""",
            $$"""{"subgraph":"population","type":"Licence","key":"{{marker}}"}""",
            $$"""{"subgraph":"agriculture","type":"Person","key":"{{marker}}"}""",
            $$"""{"subgraph":"population","type":"Person","key":"{{marker}}\u0000"}""",
            $$"""{"subgraph":"population","type":"Person","key":"{{marker}}","reason":"{{new string('x', ChangeNotice.MaxBytes)}}"}""",
            """{"subgraph":"population","type":"Person","key":""" + $"\"{marker}\"" + ""","fields":{"a":{"b":[1]}}}""",
            $$"""{"subgraph":"population","type":"Person","key":"{{new string('9', 4096)}}"}""",
        ];
        foreach (var message in hostile)
        {
            await subscriber.PublishAsync(RedisChannel.Literal(ChangeNotice.Channel), message);
        }

        // Binary garbage too: a channel carries bytes.
        await subscriber.PublishAsync(RedisChannel.Literal(ChangeNotice.Channel), (RedisValue)new byte[] { 0xFF, 0xFE, 0x00, 0x7B });
        var key = UniqueIdNumber();
        await subscriber.PublishAsync(RedisChannel.Literal(ChangeNotice.Channel), $$"""{"subgraph":"population","type":"Person","key":"{{key}}"}""");

        // Messages arrive in order: once the good one is read, every hostile one has been.
        Assert.True(await evictions.WaitForAsync(c => c == $"entity population/Person/{key}", TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(evictions.Calls, c => c.Contains(marker, StringComparison.Ordinal) || c.Contains("9999999999", StringComparison.Ordinal));
        var dropped = logs.Entries.Where(e => e.EventId == 7101).Select(e => e.Message).ToList();
        string[] codes =
        [
            ChangeEventCodes.Malformed, ChangeEventCodes.Malformed, ChangeEventCodes.UnknownType, ChangeEventCodes.UnknownType, ChangeEventCodes.UnknownSubgraph,
            ChangeEventCodes.InvalidKey, ChangeEventCodes.TooLarge, ChangeEventCodes.Malformed, ChangeEventCodes.InvalidKey, ChangeEventCodes.Malformed,
        ];
        Assert.True(dropped.Count >= codes.Length, string.Join(Environment.NewLine, dropped));

        foreach (var code in codes.Distinct())
        {
            Assert.Contains(dropped, m => m.Contains($"({code})", StringComparison.Ordinal));
        }

        Assert.All(dropped, m => Assert.True(m.Length < 300, m));
    }

    [Fact]
    public async Task After_Redis_comes_back_the_listener_evicts_every_entity_type_and_hears_events_again()
    {
        await using var own = await OwnRedis.StartAsync();
        var evictions = new RecordedEvictions();
        await using var listening = await ListeningAsync(own.Configuration, evictions);
        Assert.Equal(1, listening.Gaps);
        var atStart = evictions.Calls.Count;

        await own.StopAsync();
        await own.StartAgainAsync();

        // Whatever was published while it was gone never reached the listener: every type an event can name is evicted.
        Assert.True(await listening.WaitForGapsAsync(2, TimeSpan.FromSeconds(15)), "no eviction after the reconnection");
        var afterGap = evictions.Calls.Skip(atStart).ToList();
        string[] namable = ["type Person", "type Household", "type LegalPerson", "type Licence", "type Address", "type Parcel"];
        Assert.All(namable, t => Assert.Contains(t, afterGap));
        Assert.DoesNotContain("type Query", afterGap);

        using var redis = RedisChangeEventPublisher.Connect(own.Configuration);
        var key = UniqueIdNumber();
        await new RedisChangeEventPublisher(redis).PublishAsync(
            new ChangeEvent("population", "Person", key, ["name"], null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        Assert.True(await evictions.WaitForAsync(c => c == $"entity population/Person/{key}", TimeSpan.FromSeconds(1)), "the listener did not subscribe again");
    }

    [Fact]
    public async Task An_event_the_cache_could_not_evict_is_made_good_by_evicting_its_type_and_every_other_once_it_can()
    {
        await using var own = await OwnRedis.StartAsync();
        var evictions = new RecordedEvictions();
        await using var listening = await ListeningAsync(own.Configuration, evictions);
        evictions.Failing = true;
        using var redis = RedisChangeEventPublisher.Connect(own.Configuration);

        await new RedisChangeEventPublisher(redis).PublishAsync(
            new ChangeEvent("licences", "Licence", "ZJ-2024-000123", ["status"], null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        evictions.Failing = false;

        Assert.True(await listening.WaitForGapsAsync(2, TimeSpan.FromSeconds(10)));
        Assert.Contains("type Licence", evictions.Calls);
    }

    private static async Task<Listening> ListeningAsync(string redis, RecordedEvictions evictions, CollectedLogs<ChangeEventListener>? logs = null)
    {
        var listener = new ChangeEventListener(redis, new SupergraphSource(Committed), evictions, logs ?? new CollectedLogs<ChangeEventListener>())
        {
            RetryInterval = TimeSpan.FromMilliseconds(200),
        };
        var listening = new Listening(listener);
        await listener.StartAsync(TestContext.Current.CancellationToken);

        // Subscribed once the first conservative eviction is done.
        Assert.True(await listening.WaitForGapsAsync(1, TimeSpan.FromSeconds(10)), "the listener did not subscribe");
        return listening;
    }

    /// <summary>A key no other test uses, shaped like an identity number.</summary>
    private static string UniqueIdNumber() =>
        "33020319" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);

    private sealed class Listening : IAsyncDisposable
    {
        private readonly ChangeEventListener listener;
        private readonly SemaphoreSlim closed = new(0, int.MaxValue);
        private int gaps;

        public Listening(ChangeEventListener listener)
        {
            this.listener = listener;
            listener.GapClosed += () =>
            {
                Interlocked.Increment(ref gaps);
                closed.Release();
            };
        }

        public int Gaps => Volatile.Read(ref gaps);

        public async Task<bool> WaitForGapsAsync(int count, TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            while (Gaps < count)
            {
                try
                {
                    await closed.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    return Gaps >= count;
                }
            }

            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }
}
