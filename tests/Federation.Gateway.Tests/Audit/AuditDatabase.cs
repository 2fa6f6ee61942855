using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Tests.Sharing;
using Federation.Storage;
using Npgsql;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// An audit schema of the test's own on the test server, migrated by its owner (the server's superuser,
/// as the connection string names it), with a login role of its own granted the schema's writer role,
/// as an operator grants it to the gateway's login role. Roles are the cluster's, not the schema's: the
/// names are the schema's (unique per test), and both are dropped at the end with the schema.
/// </summary>
internal sealed class AuditDatabase : IAsyncDisposable
{
    private AuditDatabase(string schema)
    {
        Schema = schema;
        Owner = NpgsqlDataSource.Create(SharingDatabase.ConnectionString);
        Writer = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(SharingDatabase.ConnectionString) { Username = LoginRole }.ConnectionString);
    }

    public static string ConnectionString => SharingDatabase.ConnectionString;

    public string Schema { get; }

    public string WriterRole => AuditSchemaOwner.WriterRole(Schema);

    /// <summary>The login role the "gateway" connects as: a member of <see cref="WriterRole"/>, nothing else.</summary>
    public string LoginRole => Schema + "_gateway";

    /// <summary>Connections as the owner (the superuser of the test server).</summary>
    public NpgsqlDataSource Owner { get; }

    /// <summary>Connections as <see cref="LoginRole"/>.</summary>
    public NpgsqlDataSource Writer { get; }

    public string ConnectionStringOf(string role) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role }.ConnectionString;

    public static Task<AuditDatabase> CreateAsync() => CreateAsync(AuditMigrations.All.Count);

    /// <summary>A schema with the first <paramref name="migrations"/> migrations only: one an older gateway made, to be upgraded.</summary>
    public static async Task<AuditDatabase> CreateAsync(int migrations)
    {
        var database = new AuditDatabase("audit_test_" + Guid.NewGuid().ToString("N")[..12]);
        await PostgresMigrations.ApplyAsync(database.Owner, database.Schema, [.. AuditMigrations.All.Take(migrations)], null, TestContext.Current.CancellationToken);
        await database.ExecuteAsOwnerAsync($"CREATE ROLE \"{database.LoginRole}\" LOGIN IN ROLE \"{database.WriterRole}\"");
        return database;
    }

    /// <summary>A sink writing as the login role, on a connection pool of its own.</summary>
    public PostgresAuditSink Sink() => new(Writer, Schema);

    public async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var command = Owner.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<T?> ScalarAsOwnerAsync<T>(string sql)
    {
        await using var command = Owner.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is DBNull or null ? default : (T)value;
    }

    /// <summary>The partitions of <paramref name="table"/>, by name.</summary>
    public async Task<IReadOnlyList<string>> PartitionsAsync(string table)
    {
        await using var command = Owner.CreateCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(@table) ORDER BY 1");
        command.Parameters.AddWithValue("table", $"\"{Schema}\".{table}");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> as the superuser with the triggers off
    /// (<c>session_replication_role = replica</c>): what an attacker with the server's keys can do, and
    /// what only the chain finds.
    /// </summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = await Owner.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SET session_replication_role = replica; SET search_path TO \"{Schema}\"; {sql}", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await using (var drop = Owner.CreateCommand(
            $"""
            DROP SCHEMA IF EXISTS "{Schema}" CASCADE;
            DROP ROLE IF EXISTS "{LoginRole}";
            DROP ROLE IF EXISTS "{WriterRole}";
            """))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await Owner.DisposeAsync();
    }
}
