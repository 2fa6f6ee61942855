using Federation.Subgraphs.Spatial.Store;

namespace Federation.Subgraphs.Spatial.Tests.Conformance;

/// <summary>The conformance cases against the in-memory store (NetTopologySuite, STR trees).</summary>
public sealed class InMemoryStoreTests : StoreConformance
{
    private readonly RegisterUnderTest shared = RegisterUnderTest.InMemory();

    private protected override ISpatialStore Shared => shared.Store;

    private protected override Task<RegisterUnderTest> FreshAsync() => Task.FromResult(RegisterUnderTest.InMemory());
}
