using Federation.Storage;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Population.Seeding;
using Federation.Subgraphs.Population.Store;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Population.Tests.Store;

public sealed class InMemoryStoreTests : StoreConformance
{
    private protected override Task<OpenedStore> OpenAsync()
    {
        var feed = new InProcessChangeFeed();
        var store = new InMemoryPopulationStore(feed, new ManualClock(TestRegister.Now));
        store.Load(TestRegister.Persons, TestRegister.Households);
        return Task.FromResult(new OpenedStore(store, () => Task.FromResult(feed.Recent)));
    }
}

/// <summary>A database for the PostgreSQL conformance run; each test migrates and loads a schema of its own in it.</summary>
public sealed class PopulationDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync("population_store");

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();

    /// <summary>A fresh schema, migrated as at start-up and bulk loaded with <see cref="TestRegister"/>.</summary>
    internal async Task<(string Schema, ChangeOutbox Outbox)> CreateSchemaAsync()
    {
        var schema = "population_" + Guid.NewGuid().ToString("N")[..12];
        await PostgresMigrations.ApplyAsync(Database.DataSource, schema, SqlMigration.FromAssembly(typeof(PopulationSeed).Assembly));
        var outbox = new ChangeOutbox(Database.DataSource, schema);
        await outbox.EnsureAsync();
        await PopulationBulkLoad.LoadAsync(Database.DataSource, schema, TestRegister.Households, TestRegister.Persons);
        return (schema, outbox);
    }
}

public sealed class PostgresStoreTests(PopulationDatabase database) : StoreConformance, IClassFixture<PopulationDatabase>
{
    private protected override async Task<OpenedStore> OpenAsync()
    {
        var (schema, outbox) = await database.CreateSchemaAsync();
        var store = new PostgresPopulationStore(database.Database.DataSource, schema, outbox, () => { }, new ManualClock(TestRegister.Now));
        var feed = new InProcessChangeFeed();
        return new OpenedStore(store, async () =>
        {
            // The events reach the publisher only through the outbox, as in the service.
            await outbox.RelayAsync(feed);
            return feed.Recent;
        });
    }
}
