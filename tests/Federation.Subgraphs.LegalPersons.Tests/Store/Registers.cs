using Federation.Storage;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.LegalPersons.Store;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.LegalPersons.Tests.Store;

/// <summary>A store seeded with <see cref="SeededRegister"/> and the change events it has published.</summary>
internal interface ITestRegister : IAsyncDisposable
{
    ILegalPersonStore Store { get; }

    /// <summary>The events published so far (the PostgreSQL store's outbox relayed first).</summary>
    Task<IReadOnlyList<ChangeEvent>> PublishedAsync();
}

/// <summary>Makes registers of one kind; the shared one serves the read-only cases, corrections get their own.</summary>
public abstract class Registers : IAsyncLifetime
{
    internal ITestRegister Shared { get; private set; } = null!;

    internal abstract Task<ITestRegister> CreateAsync();

    public async ValueTask InitializeAsync() => Shared = await CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await Shared.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class InMemoryRegisters : Registers
{
    internal override async Task<ITestRegister> CreateAsync()
    {
        var feed = new InProcessChangeFeed();
        var store = new InMemoryLegalPersonStore(feed, TimeProvider.System);
        await store.LoadAsync(SeededRegister.Files, CancellationToken.None);
        return new Register(store, feed);
    }

    private sealed class Register(ILegalPersonStore store, InProcessChangeFeed feed) : ITestRegister
    {
        public ILegalPersonStore Store => store;

        public Task<IReadOnlyList<ChangeEvent>> PublishedAsync() => Task.FromResult(feed.Recent);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class PostgresRegisters : Registers
{
    internal override async Task<ITestRegister> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync("legal_persons_store");
        const string schema = "legal_persons";
        await PostgresMigrations.ApplyAsync(database.DataSource, schema, SqlMigration.FromAssembly(typeof(PostgresLegalPersonStore).Assembly));
        var outbox = new ChangeOutbox(database.DataSource, schema);
        await outbox.EnsureAsync();
        var store = new PostgresLegalPersonStore(database.DataSource, schema, outbox, () => { }, TimeProvider.System);
        await store.LoadAsync(SeededRegister.Files, CancellationToken.None);
        return new Register(store, outbox, database);
    }

    private sealed class Register(ILegalPersonStore store, ChangeOutbox outbox, TestDatabase database) : ITestRegister
    {
        private readonly InProcessChangeFeed feed = new();

        public ILegalPersonStore Store => store;

        public async Task<IReadOnlyList<ChangeEvent>> PublishedAsync()
        {
            await outbox.RelayAsync(feed);
            return feed.Recent;
        }

        public ValueTask DisposeAsync() => database.DisposeAsync();
    }
}
