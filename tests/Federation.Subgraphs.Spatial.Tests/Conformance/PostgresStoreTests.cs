using Federation.Subgraphs.Spatial.Store;

namespace Federation.Subgraphs.Spatial.Tests.Conformance;

/// <summary>One seeded PostgreSQL/PostGIS database for the read cases of a test class.</summary>
public sealed class PostgresRegisterFixture : IAsyncLifetime
{
    private RegisterUnderTest? register;

    internal RegisterUnderTest Register => register ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async ValueTask InitializeAsync() => register = await RegisterUnderTest.PostgresAsync();

    public async ValueTask DisposeAsync()
    {
        if (register is not null)
        {
            await register.DisposeAsync();
        }
    }
}

/// <summary>The conformance cases against the PostgreSQL store (PostGIS, geography distances).</summary>
public sealed class PostgresStoreTests(PostgresRegisterFixture fixture) : StoreConformance, IClassFixture<PostgresRegisterFixture>
{
    private protected override ISpatialStore Shared => fixture.Register.Store;

    private protected override Task<RegisterUnderTest> FreshAsync() => RegisterUnderTest.PostgresAsync();
}
