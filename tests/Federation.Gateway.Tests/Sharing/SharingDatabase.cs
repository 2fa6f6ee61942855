using Federation.Gateway.Sharing.Storage;
using Npgsql;

namespace Federation.Gateway.Tests.Sharing;

/// <summary>
/// A PostgreSQL schema of the test's own on the test server (<c>FEDERATION_TEST_POSTGRES</c>, else
/// the server <c>tests/run.sh</c> starts), migrated, dropped at the end.
/// </summary>
internal sealed class SharingDatabase : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> sources = [];

    private SharingDatabase(string schema) => Schema = schema;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("FEDERATION_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5440;Username=postgres;Database=postgres";

    public string Schema { get; }

    public static async Task<SharingDatabase> CreateAsync()
    {
        var database = new SharingDatabase("sharing_test_" + Guid.NewGuid().ToString("N")[..12]);
        await database.Store().MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>A store on its own connection pool, as another gateway process would have.</summary>
    public PostgresShareStore Store()
    {
        var source = NpgsqlDataSource.Create(ConnectionString);
        sources.Add(source);
        return new PostgresShareStore(source, Schema);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var source = NpgsqlDataSource.Create(ConnectionString))
        await using (var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }
}
