using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.Population.Store;
using Federation.Subgraphs.Testing;
using Npgsql;

namespace Federation.Subgraphs.Population.Tests.Http;

/// <summary>Start-up: migrations and seed are idempotent, configuration mistakes stop the service, readiness tells an unreachable database.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_restart_keeps_the_register_as_it_was_and_does_not_seed_again()
    {
        await using var database = await TestDatabase.CreateAsync("population_restart", cancellationToken: TestContext.Current.CancellationToken);
        var person = TestRegister.LivingAdult();
        await using (var first = await PopulationServer.StartAsync(postgres: true, existing: database))
        {
            var corrected = await first.Client.PostAsync(
                """mutation ($id: IdNumber!) { correctPerson(input: { idNumber: $id, reason: "Objection 5", phone: "13700000001" }) { changedFields } }""",
                new { id = person.IdNumber },
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.Empty(corrected.Errors);
        }

        await using var second = await PopulationServer.StartAsync(postgres: true, existing: database);
        var response = await second.Client.PostAsync(
            """query ($id: IdNumber!) { person(idNumber: $id) { phone } persons { totalCount } }""",
            new { id = person.IdNumber },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("13700000001", response.DataWithoutErrors["person"]!["phone"]!.GetValue<string>());
        Assert.Equal(TestRegister.Size, response.DataWithoutErrors["persons"]!["totalCount"]!.GetValue<int>());
        await using var migrations = database.DataSource.CreateCommand("SELECT count(*) FROM population.schema_migrations");
        Assert.Equal(1L, await migrations.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Store", "Cassandra", StoreErrorCodes.StoreKindUnknown, "Store must be InMemory or Postgres")]
    [InlineData("Store", "Postgres", StoreErrorCodes.StoreConnectionMissing, "ConnectionStrings:Postgres is not set")]
    [InlineData("Seed:Persons", "-1", StoreErrorCodes.SeedPersonsInvalid, "Seed:Persons must be between 0")]
    public async Task A_configuration_mistake_stops_the_service_with_its_code_and_what_to_fix(string key, string value, string code, string message)
    {
        var refused = await Assert.ThrowsAsync<StoreConfigurationException>(() => PopulationServer.StartAsync(postgres: false, new() { [key] = value }));

        Assert.Equal(code, refused.Code);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_makes_the_store_unready()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        var store = new PostgresPopulationStore(dataSource, "population", new ChangeOutbox(dataSource, "population"), () => { }, TimeProvider.System);

        var reason = await store.UnreadyReasonAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(reason);
        Assert.Contains("not reachable", reason, StringComparison.Ordinal);
    }
}
