using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Licences.Store;
using Federation.Subgraphs.Licences.Tests.Harness;

namespace Federation.Subgraphs.Licences.Tests.Store;

/// <summary>The conformance suite against the in-memory store.</summary>
public sealed class InMemoryLicenceStoreTests : LicenceStoreConformance
{
    private static readonly Lazy<InMemoryLicenceStore> Shared = new(() => Seeded(new InProcessChangeFeed()));

    internal override Task<ILicenceStore> SharedStoreAsync() => Task.FromResult<ILicenceStore>(Shared.Value);

    internal override Task<TestLibrary> OwnLibraryAsync()
    {
        var feed = new InProcessChangeFeed();
        return Task.FromResult(new TestLibrary(Seeded(feed), () => Task.FromResult(feed.Recent)));
    }

    internal override Task TamperAsync(TestLibrary library, string number, string holderName)
    {
        var store = (InMemoryLicenceStore)library.Store;
        var licence = SeedData.Licences.Single(l => l.Number == number);
        store.Put([licence with { HolderName = holderName }]);
        return Task.CompletedTask;
    }

    private static InMemoryLicenceStore Seeded(InProcessChangeFeed feed)
    {
        var store = new InMemoryLicenceStore(feed);
        store.Put(SeedData.Licences);
        return store;
    }
}
