using Federation.Storage;
using Federation.Subgraphs.Population.Domain;
using Federation.Subgraphs.Population.Store;
using Npgsql;

namespace Federation.Subgraphs.Population.Seeding;

/// <summary>
/// Loads the register into empty PostgreSQL tables with binary <c>COPY</c>, streaming: rows are
/// written as the enumerables produce them, so a million persons never sit in memory at once.
/// The tables' secondary indexes (as the migrations made them) are dropped for the load and built
/// again after it — building an index once is far cheaper than maintaining it row by row — all in
/// one transaction, so a failed load leaves the tables empty and indexed.
/// </summary>
internal static class PopulationBulkLoad
{
    public static async Task<(int Households, int Persons)> LoadAsync(
        NpgsqlDataSource dataSource,
        string schema,
        IEnumerable<Household> households,
        IEnumerable<Person> persons,
        CancellationToken cancellationToken = default)
    {
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken).ConfigureAwait(false);
        var indexes = await SecondaryIndexesAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, transaction, $"DROP INDEX {quoted}.{PostgresMigrations.QuoteIdentifier(name)}", cancellationToken).ConfigureAwait(false);
        }

        var householdCount = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {quoted}.households ({HouseholdRows.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var household in households)
            {
                await HouseholdRows.WriteAsync(copy, household, cancellationToken).ConfigureAwait(false);
                householdCount++;
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var personCount = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {quoted}.persons ({PersonRows.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var person in persons)
            {
                await PersonRows.WriteAsync(copy, person, cancellationToken).ConfigureAwait(false);
                personCount++;
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, transaction, definition, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, $"ANALYZE {quoted}.households; ANALYZE {quoted}.persons", cancellationToken).ConfigureAwait(false);
        return (householdCount, personCount);
    }

    /// <summary>Whether the register's tables hold no row (seeding happens only then).</summary>
    public static async Task<bool> IsEmptyAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken = default)
    {
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        await using var command = dataSource.CreateCommand(
            $"SELECT NOT EXISTS (SELECT 1 FROM {quoted}.persons) AND NOT EXISTS (SELECT 1 FROM {quoted}.households)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The indexes of persons and households other than the primary keys, with their definitions.</summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef
            FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.indexname
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
            JOIN pg_index x ON x.indexrelid = c.oid
            WHERE i.schemaname = @schema AND i.tablename IN ('persons', 'households') AND NOT x.indisprimary
            ORDER BY i.indexname
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("schema", schema);
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
