using Federation.Subgraphs.Spatial.Seeding;
using Federation.Subgraphs.Spatial.Store;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Spatial.Tests.Conformance;

/// <summary>Start-up against PostgreSQL: migrations apply once, the seed loads only into empty tables.</summary>
public sealed class PostgresStartupTests
{
    [Fact]
    public async Task Migrations_and_the_seed_apply_once_in_a_schema_of_any_name()
    {
        await using var database = await TestDatabase.CreateAsync("spatial_startup", postgis: false, TestContext.Current.CancellationToken, SpatialDataSource.Configure);
        var migrations = SpatialMigrations.All;
        const string Schema = "Spatial \"register\"";

        var first = await SpatialMigrations.ApplyAsync(database.DataSource, Schema, cancellationToken: TestContext.Current.CancellationToken);
        var second = await SpatialMigrations.ApplyAsync(database.DataSource, Schema, cancellationToken: TestContext.Current.CancellationToken);
        var loaded = await PostgresSeedLoader.LoadIfEmptyAsync(database.DataSource, Schema, TestWorld.Seed, TestContext.Current.CancellationToken);
        var loadedAgain = await PostgresSeedLoader.LoadIfEmptyAsync(database.DataSource, Schema, TestWorld.Seed, TestContext.Current.CancellationToken);

        Assert.Equal(migrations.Count, first.Count);
        Assert.Empty(second);
        Assert.True(loaded);
        Assert.False(loadedAgain);
        var outbox = new Hosting.Changes.ChangeOutbox(database.DataSource, Schema);
        await outbox.EnsureAsync(TestContext.Current.CancellationToken);
        var store = new PostgresSpatialStore(database.DataSource, Schema, outbox);
        Assert.True(await store.IsReadyAsync(TestContext.Current.CancellationToken));
        var page = await store.ParcelsAsync(ParcelFilter.None, null, Hosting.Paging.PageRequest.Create(0, null), TestContext.Current.CancellationToken);
        Assert.Equal(TestWorld.Data.Parcels.Count, page.TotalCount);
    }
}
