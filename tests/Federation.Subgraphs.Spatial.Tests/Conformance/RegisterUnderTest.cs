using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Spatial.Seeding;
using Federation.Subgraphs.Spatial.Store;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Spatial.Tests.Conformance;

/// <summary>A store seeded with <see cref="TestWorld"/>, with its clock and the change events it published.</summary>
internal sealed class RegisterUnderTest(ISpatialStore store, ManualClock clock, InProcessChangeFeed feed, ChangeOutbox? outbox, TestDatabase? database) : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 30, 0, TimeSpan.Zero);

    public ISpatialStore Store { get; } = store;

    public ManualClock Clock { get; } = clock;

    public static RegisterUnderTest InMemory()
    {
        var clock = new ManualClock(Now);
        var feed = new InProcessChangeFeed();
        var store = new InMemorySpatialStore(feed, clock);
        store.Load(TestWorld.Data);
        return new RegisterUnderTest(store, clock, feed, null, null);
    }

    public static async Task<RegisterUnderTest> PostgresAsync(string schema = "spatial")
    {
        var database = await TestDatabase.CreateAsync("spatial", postgis: true, TestContext.Current.CancellationToken, SpatialDataSource.Configure);
        await SpatialMigrations.ApplyAsync(database.DataSource, schema, cancellationToken: TestContext.Current.CancellationToken);
        var outbox = new ChangeOutbox(database.DataSource, schema);
        await outbox.EnsureAsync(TestContext.Current.CancellationToken);
        await PostgresSeedLoader.LoadIfEmptyAsync(database.DataSource, schema, TestWorld.Seed, TestContext.Current.CancellationToken);
        var clock = new ManualClock(Now);
        return new RegisterUnderTest(new PostgresSpatialStore(database.DataSource, schema, outbox, clock), clock, new InProcessChangeFeed(), outbox, database);
    }

    /// <summary>The change events published so far (PostgreSQL: relayed from the outbox first).</summary>
    public async Task<IReadOnlyList<ChangeEvent>> EventsAsync()
    {
        if (outbox is not null)
        {
            await outbox.RelayAsync(feed, cancellationToken: TestContext.Current.CancellationToken);
        }

        return feed.Recent;
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
