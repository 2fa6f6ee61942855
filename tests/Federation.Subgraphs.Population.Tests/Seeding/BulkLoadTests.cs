using Federation.Storage;
using Federation.Subgraphs.Population.Seeding;
using Federation.Subgraphs.Population.Store;
using Federation.Subgraphs.Testing;
using Npgsql;

namespace Federation.Subgraphs.Population.Tests.Seeding;

/// <summary>The COPY bulk load of the seed, at small size.</summary>
public sealed class BulkLoadTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("population_copy");
        await PostgresMigrations.ApplyAsync(database.DataSource, "population", SqlMigration.FromAssembly(typeof(PopulationSeed).Assembly), cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_load_copies_every_row_of_the_seed_and_leaves_the_indexes_as_migrated()
    {
        var indexesBefore = await IndexesAsync();
        Assert.True(await PopulationBulkLoad.IsEmptyAsync(database.DataSource, "population", TestContext.Current.CancellationToken));

        var (households, persons) = await PopulationBulkLoad.LoadAsync(
            database.DataSource, "population", TestRegister.Households, TestRegister.Persons, TestContext.Current.CancellationToken);

        Assert.Equal((TestRegister.Households.Count, TestRegister.Persons.Count), (households, persons));
        Assert.Equal(TestRegister.Persons.Count, await CountAsync("persons"));
        Assert.Equal(TestRegister.Households.Count, await CountAsync("households"));
        Assert.Equal(indexesBefore, await IndexesAsync());
        Assert.Contains(indexesBefore, i => i.Contains("persons_name_trgm", StringComparison.Ordinal));
        Assert.False(await PopulationBulkLoad.IsEmptyAsync(database.DataSource, "population", TestContext.Current.CancellationToken));

        var store = new PostgresPopulationStore(database.DataSource, "population", new Hosting.Changes.ChangeOutbox(database.DataSource, "population"), () => { }, TimeProvider.System);
        var sample = TestRegister.Persons.Where((_, i) => i % 37 == 0).ToList();
        var found = await store.PersonsAsync([.. sample.Select(p => p.IdNumber)], TestContext.Current.CancellationToken);
        Assert.Equal(sample.Select(TestRegister.Text), sample.Select(p => TestRegister.Text(found[p.IdNumber])));
    }

    [Fact]
    public async Task A_load_that_fails_leaves_the_tables_empty_and_indexed()
    {
        var indexesBefore = await IndexesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => PopulationBulkLoad.LoadAsync(
            database.DataSource, "population", TestRegister.Households, Failing(), TestContext.Current.CancellationToken));

        Assert.True(await PopulationBulkLoad.IsEmptyAsync(database.DataSource, "population", TestContext.Current.CancellationToken));
        Assert.Equal(indexesBefore, await IndexesAsync());
    }

    private static IEnumerable<Domain.Person> Failing()
    {
        foreach (var person in TestRegister.Persons.Take(10))
        {
            yield return person;
        }

        throw new InvalidOperationException("The generator broke.");
    }

    private async Task<long> CountAsync(string table)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT count(*) FROM population.{table}");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<List<string>> IndexesAsync()
    {
        await using var command = database.DataSource.CreateCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'population' ORDER BY indexname");
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }
}
