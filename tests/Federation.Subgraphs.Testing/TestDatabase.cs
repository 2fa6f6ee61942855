using Npgsql;

namespace Federation.Subgraphs.Testing;

/// <summary>
/// A PostgreSQL database of one test (or one test class): created empty with a unique name,
/// optionally with PostGIS, and dropped when disposed, so no test sees another's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString, Action<NpgsqlDataSourceBuilder>? configure)
    {
        Name = name;
        ConnectionString = connectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        configure?.Invoke(builder);
        DataSource = builder.Build();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A data source on the database, disposed with it.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <param name="dataSource">What the register under test needs of its data source (a type mapping), as its subgraph configures it.</param>
    public static async Task<TestDatabase> CreateAsync(string prefix, bool postgis = false, CancellationToken cancellationToken = default, Action<NpgsqlDataSourceBuilder>? dataSource = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(TestServices.Postgres))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = name, Pooling = true }.ConnectionString;
        var database = new TestDatabase(name, connectionString, dataSource);
        if (postgis)
        {
            await using var extension = database.DataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS postgis");
            await extension.ExecuteNonQueryAsync(cancellationToken);

            // The data source loaded its types before PostGIS existed; a geometry mapping needs them again.
            await database.DataSource.ReloadTypesAsync(cancellationToken);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServices.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
