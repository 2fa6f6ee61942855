using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Federation.Gateway.Tests.Audit;

/// <summary>The PostgreSQL store at the gateway's start: what it needs, and the owner's migration it runs with <c>Audit:MigrateOnStart</c>.</summary>
public sealed class AuditDatabaseStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_store_needs_a_connection_string_and_a_schema_its_writer_role_can_be_named_after()
    {
        var noConnection = Assert.Throws<AuditConfigurationException>(() =>
            new ServiceCollection().AddPostgresAuditStore(new ConfigurationBuilder().Build(), new AuditOptions { Store = AuditStore.Postgres }));
        var longSchema = Assert.Throws<AuditConfigurationException>(() =>
            new ServiceCollection().AddPostgresAuditStore(
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Audit"] = AuditDatabase.ConnectionString }).Build(),
                new AuditOptions { Store = AuditStore.Postgres, Schema = new string('a', 57) }));

        Assert.Equal("Audit:Store is Postgres but ConnectionStrings:Audit is not set.", noConnection.Message);
        Assert.StartsWith($"Audit:Schema \"{new string('a', 57)}\" must be 1 to 56", longSchema.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connected_as_the_owner_the_gateway_migrates_the_schema_before_it_serves()
    {
        var schema = "audit_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var owner = NpgsqlDataSource.Create(AuditDatabase.ConnectionString);
        try
        {
            var maintenance = new AuditStoreServices.AuditSchemaMaintenance(
                owner, new AuditOptions { Store = AuditStore.Postgres, Schema = schema }, TimeProvider.System, NullLogger<AuditStoreServices.AuditSchemaMaintenance>.Instance);

            await maintenance.StartAsync(Ct);
            await maintenance.StopAsync(Ct);

            await using var tables = owner.CreateCommand($"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = '{schema}'");
            Assert.Equal("checkpoints,records,retention_cuts,schema_migrations", await tables.ExecuteScalarAsync(Ct));
        }
        finally
        {
            await using var drop = owner.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; DROP ROLE IF EXISTS \"{schema}_writer\"");
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }

    [Fact]
    public async Task Connected_as_the_writer_role_with_migrate_on_start_the_start_stops_with_what_to_do()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var maintenance = new AuditStoreServices.AuditSchemaMaintenance(
            database.Writer, new AuditOptions { Store = AuditStore.Postgres, Schema = database.Schema }, TimeProvider.System, NullLogger<AuditStoreServices.AuditSchemaMaintenance>.Instance);

        var refused = await Assert.ThrowsAsync<AuditConfigurationException>(() => maintenance.StartAsync(Ct));

        Assert.Contains("Audit:MigrateOnStart=true", refused.Message, StringComparison.Ordinal);
        Assert.Contains("audit migrate", refused.Message, StringComparison.Ordinal);
    }
}
