using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Licences.Seeding;
using Federation.Subgraphs.Licences.Store;
using Federation.Subgraphs.Licences.Tests.Harness;
using Federation.Subgraphs.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Federation.Subgraphs.Licences.Tests.Store;

/// <summary>
/// A database for one test class: the shared library in schema <c>licences</c>, and a schema of
/// its own (<c>licences_N</c>) for each test that changes licences.
/// </summary>
public sealed class PostgresLibraryFixture : IAsyncLifetime
{
    private int schemas;

    public TestDatabase Database { get; private set; } = null!;

    internal PostgresLicenceStore Shared { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("licences");
        Shared = await SeededStoreAsync("licences");
    }

    internal async Task<PostgresLicenceStore> SeededStoreAsync(string? schema = null)
    {
        schema ??= $"licences_{Interlocked.Increment(ref schemas)}";
        var store = new PostgresLicenceStore(Database.DataSource, schema, new ChangeOutbox(Database.DataSource, schema));
        await store.MigrateAsync(null, CancellationToken.None);
        await PostgresSeedLoader.LoadAsync(Database.DataSource, schema, SeedData.Seed.Seals(SeedData.Keyring), SeedData.Licences, CancellationToken.None);
        return store;
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>The conformance suite against the PostgreSQL store.</summary>
public sealed class PostgresLicenceStoreTests(PostgresLibraryFixture fixture) : LicenceStoreConformance, IClassFixture<PostgresLibraryFixture>
{
    internal override Task<ILicenceStore> SharedStoreAsync() => Task.FromResult<ILicenceStore>(fixture.Shared);

    internal override async Task<TestLibrary> OwnLibraryAsync()
    {
        var store = await fixture.SeededStoreAsync();
        var outbox = new ChangeOutbox(fixture.Database.DataSource, store.Schema);
        var feed = new InProcessChangeFeed();
        return new TestLibrary(store, async () =>
        {
            await outbox.RelayAsync(feed, cancellationToken: TestContext.Current.CancellationToken);
            return feed.Recent;
        });
    }

    [Fact]
    public async Task The_bulk_load_leaves_the_indexes_the_migrations_make()
    {
        var empty = new PostgresLicenceStore(fixture.Database.DataSource, "licences_unloaded", new ChangeOutbox(fixture.Database.DataSource, "licences_unloaded"));
        await empty.MigrateAsync(null, TestContext.Current.CancellationToken);
        var migrated = await IndexesAsync("licences_unloaded");
        Assert.True(migrated.Count >= 8, string.Join("\n", migrated));
        Assert.Equal(migrated, await IndexesAsync(fixture.Shared.Schema));
    }

    [Fact]
    public async Task Start_up_seals_anew_with_a_fresh_salt_every_licence_sealed_before_salts()
    {
        var library = await OwnLibraryAsync();
        var store = (PostgresLicenceStore)library.Store;
        var numbers = SeedData.Licences.Take(3).Select(l => l.Number).Order(StringComparer.Ordinal).ToArray();

        // What migration 0002 leaves of a licence sealed before salts: the empty salt, and a seal that does not hold with it.
        await using (var command = fixture.Database.DataSource.CreateCommand($"UPDATE \"{store.Schema}\".licences SET seal_salt = '' WHERE number = ANY(@numbers)"))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("numbers", numbers));
            Assert.Equal(3, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(numbers, await store.UnsaltedNumbersAsync(10, TestContext.Current.CancellationToken));
        var unsalted = await store.FindAsync(numbers, TestContext.Current.CancellationToken);
        Assert.All(numbers, n => Assert.NotNull(SeedData.Verifier.Failure(unsalted[n])));

        var startup = new LicencesStartup(
            new StoreOptions { Kind = StoreKind.Postgres, Schema = store.Schema, SeedPersons = 0 }, store, SeedData.Sealer, new ManualClock(SeedData.Now), NullLogger<LicencesStartup>.Instance);
        await startup.PrepareAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await store.UnsaltedNumbersAsync(10, TestContext.Current.CancellationToken));
        var salted = await store.FindAsync(numbers, TestContext.Current.CancellationToken);
        Assert.All(numbers, n =>
        {
            Assert.Null(SeedData.Verifier.Failure(salted[n]));
            Assert.Equal(16, Convert.FromBase64String(salted[n].Seal.Salt).Length);
            Assert.NotEqual(SeedData.Licences.Single(l => l.Number == n).Seal.Salt, salted[n].Seal.Salt);
            Assert.Equal(SeedData.Now, salted[n].Seal.SealedAt);
        });

        // Each is a change, so readers who kept the seal or the items learn of the new ones; the other licences are untouched.
        var events = await library.Events();
        Assert.Equal(numbers, events.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal(["items", "seal", "updatedAt"], e.ChangedFields));
        Assert.All(events, e => Assert.Equal(LicencesStartup.SaltReason, e.Reason));
        var untouched = SeedData.Licences[3];
        Assert.Equal(untouched.Seal, (await store.FindAsync([untouched.Number], TestContext.Current.CancellationToken))[untouched.Number].Seal);
    }

    private async Task<List<string>> IndexesAsync(string schema)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT replace(indexdef, quote_ident(schemaname) || '.', '') FROM pg_indexes WHERE schemaname = @schema AND tablename = 'licences' ORDER BY indexname");
        command.Parameters.Add(new NpgsqlParameter<string>("schema", schema));
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }

    internal override async Task TamperAsync(TestLibrary library, string number, string holderName)
    {
        var store = (PostgresLicenceStore)library.Store;
        await using var command = fixture.Database.DataSource.CreateCommand($"UPDATE \"{store.Schema}\".licences SET holder_name = @name WHERE number = @number");
        command.Parameters.Add(new NpgsqlParameter<string>("name", holderName));
        command.Parameters.Add(new NpgsqlParameter<string>("number", number));
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }
}
