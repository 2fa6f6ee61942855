using System.Text;
using Federation.Storage;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Population.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Population.Store;

/// <summary>
/// The register in PostgreSQL. Every lookup of many keys is one statement (<c>= ANY(@keys)</c>);
/// a page is one round trip (the count and the keyset page in one batch); a correction locks the
/// rows it changes, writes them and its change events to the outbox in one transaction, and wakes
/// the outbox relay after the commit.
/// </summary>
internal sealed class PostgresPopulationStore : IPopulationStore
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ChangeOutbox outbox;
    private readonly Action committed;
    private readonly TimeProvider clock;
    private readonly string persons;
    private readonly string households;
    private readonly string migrations;

    /// <param name="committed">Called after a correction committed (the relay's <c>Wake</c>).</param>
    public PostgresPopulationStore(NpgsqlDataSource dataSource, string schema, ChangeOutbox outbox, Action committed, TimeProvider clock)
    {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.committed = committed;
        this.clock = clock;
        Schema = schema;
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        persons = quoted + ".persons";
        households = quoted + ".households";
        migrations = quoted + ".schema_migrations";
    }

    public string Schema { get; }

    public async Task<IReadOnlyDictionary<string, Person>> PersonsAsync(IReadOnlyList<string> idNumbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, Person>(idNumbers.Count, StringComparer.Ordinal);
        if (idNumbers.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand($"SELECT {PersonRows.Columns} FROM {persons} WHERE id_number = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = idNumbers });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var person = PersonRows.Read(reader);
            found[person.IdNumber] = person;
        }

        return found;
    }

    public Task<Page<Person>> ListPersonsAsync(PersonFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(persons, PersonRows.Columns, "id_number", Conditions(filter), PersonRows.Read, page, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Household>> HouseholdsAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, Household>(numbers.Count, StringComparer.Ordinal);
        if (numbers.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand($"SELECT {HouseholdRows.Columns} FROM {households} WHERE number = ANY(@numbers)");
        command.Parameters.Add(new NpgsqlParameter("numbers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = numbers });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var household = HouseholdRows.Read(reader);
            found[household.Number] = household;
        }

        return found;
    }

    public Task<Page<Household>> ListHouseholdsAsync(HouseholdFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        PageAsync(households, HouseholdRows.Columns, "number", Conditions(filter), HouseholdRows.Read, page, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Person>>> MembersAsync(IReadOnlyList<string> householdNumbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, IReadOnlyList<Person>>(householdNumbers.Count, StringComparer.Ordinal);
        if (householdNumbers.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand($"SELECT {PersonRows.Columns} FROM {persons} WHERE household_number = ANY(@numbers)");
        command.Parameters.Add(new NpgsqlParameter("numbers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = householdNumbers });
        var lists = new Dictionary<string, List<Person>>(StringComparer.Ordinal);
        foreach (var number in householdNumbers)
        {
            lists[number] = [];
        }

        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var person = PersonRows.Read(reader);
                lists[person.HouseholdNumber!].Add(person);
            }
        }

        foreach (var (number, members) in lists)
        {
            members.Sort(MemberOrder.Compare);
            found[number] = members;
        }

        return found;
    }

    public async Task<PersonChange> CorrectPersonAsync(PersonCorrection correction, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await ChangePersonAsync(correction.IdNumber, correction.EventReason, current => correction.Apply(current, RegisterRules.Today(now), now), now, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PersonChange> RecordDeathAsync(DeathRecord death, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await ChangePersonAsync(death.IdNumber, death.Reason, current => death.Apply(current, RegisterRules.Today(now), now), now, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HouseholdChange> CorrectHouseholdAsync(HouseholdCorrection correction, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        Household? current = null;
        await using (var select = new NpgsqlCommand($"SELECT {HouseholdRows.Columns} FROM {households} WHERE number = @number FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("number", correction.Number);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                current = HouseholdRows.Read(reader);
            }
        }

        if (current is null)
        {
            throw PopulationErrorCodes.HouseholdNotFound(correction.Number);
        }

        var members = new List<Person>();
        await using (var select = new NpgsqlCommand($"SELECT {PersonRows.Columns} FROM {persons} WHERE household_number = @number FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("number", correction.Number);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                members.Add(PersonRows.Read(reader));
            }
        }

        members.Sort(MemberOrder.Compare);
        var change = correction.Apply(current, members, now);
        if (change.ChangedFields.Count == 0)
        {
            return change;
        }

        await using (var update = HouseholdRows.Update(households, change.Household, connection, transaction))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var member in change.Members)
        {
            await using var update = PersonRows.Update(persons, member.Person, connection, transaction);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var changeEvent in PopulationEvents.Of(change, correction.EventReason, now))
        {
            await outbox.WriteAsync(connection, transaction, changeEvent, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        committed();
        return change;
    }

    public async Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {migrations}");
            var applied = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return applied == 0 ? $"No migration has been applied to schema {Schema}." : null;
        }
        catch (NpgsqlException exception)
        {
            return $"PostgreSQL is not reachable or schema {Schema} is not migrated: {exception.Message}";
        }
    }

    private async Task<PersonChange> ChangePersonAsync(string idNumber, string reason, Func<Person, PersonChange> apply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Person? current = null;
        await using (var select = new NpgsqlCommand($"SELECT {PersonRows.Columns} FROM {persons} WHERE id_number = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("id", idNumber);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                current = PersonRows.Read(reader);
            }
        }

        if (current is null)
        {
            throw PopulationErrorCodes.PersonNotFound(idNumber);
        }

        var change = apply(current);
        if (change.ChangedFields.Count == 0)
        {
            return change;
        }

        await using (var update = PersonRows.Update(persons, change.Person, connection, transaction))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await outbox.WriteAsync(connection, transaction, PopulationEvents.Of(change, reason, now), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        committed();
        return change;
    }

    /// <summary>The count of all matching rows and the page after the cursor, sent in one batch.</summary>
    private async Task<Page<T>> PageAsync<T>(
        string table,
        string columns,
        string key,
        SqlConditions conditions,
        Func<NpgsqlDataReader, T> read,
        PageRequest page,
        CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM {table}{conditions.Where()}");
        conditions.AddParameters(count.Parameters);
        batch.BatchCommands.Add(count);

        var pageConditions = page.After is [var after] ? conditions.And($"{key} > @after", "after", after) : conditions;
        var rows = new NpgsqlBatchCommand($"SELECT {columns} FROM {table}{pageConditions.Where()} ORDER BY {key} LIMIT @limit");
        pageConditions.AddParameters(rows.Parameters);
        rows.Parameters.AddWithValue("limit", page.First + 1);
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = checked((int)reader.GetInt64(0));
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<T>(page.First + 1);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(read(reader));
        }

        return Page<T>.FromRows(items, page, total);
    }

    private SqlConditions Conditions(PersonFilter filter)
    {
        var conditions = SqlConditions.None;
        if (filter.NameContains is { } name)
        {
            conditions = conditions.And(@"name LIKE '%' || @name || '%'", "name", SqlConditions.EscapeLike(name));
        }

        if (filter.RegisteredDivision is { } division)
        {
            var range = DivisionRange.Of(division);
            conditions = conditions.And("registered_division BETWEEN @division_low AND @division_high", "division_low", range.Lowest, "division_high", range.Highest);
        }

        if (filter.Gender is { } gender)
        {
            conditions = conditions.And("gender = @gender", "gender", gender);
        }

        if (filter.EthnicityCode is { } ethnicity)
        {
            conditions = conditions.And("ethnicity_code = @ethnicity", "ethnicity", ethnicity);
        }

        if (filter.BornOnOrAfter is { } bornAfter)
        {
            conditions = conditions.And("birth_date >= @born_after", "born_after", bornAfter);
        }

        if (filter.BornOnOrBefore is { } bornBefore)
        {
            conditions = conditions.And("birth_date <= @born_before", "born_before", bornBefore);
        }

        if (filter.VitalStatus is { } vital)
        {
            conditions = conditions.And(vital == VitalStatuses.Deceased ? "death_date IS NOT NULL" : "death_date IS NULL");
        }

        if (filter.MaritalStatus is { } marital)
        {
            conditions = conditions.And("marital_status = @marital", "marital", marital);
        }

        if (filter.HouseholdNumber is { } household)
        {
            conditions = conditions.And("household_number = @household", "household", household);
            if (filter.CallerDivision is { } caller)
            {
                var range = DivisionRange.Of(caller);
                conditions = conditions.And(
                    $"EXISTS (SELECT 1 FROM {households} h WHERE h.number = @household AND h.division BETWEEN @caller_low AND @caller_high)",
                    "caller_low",
                    range.Lowest,
                    "caller_high",
                    range.Highest);
            }
        }

        if (filter.UpdatedSince is { } since)
        {
            conditions = conditions.And("updated_at >= @updated_since", "updated_since", since.ToUniversalTime());
        }

        return conditions;
    }

    private static SqlConditions Conditions(HouseholdFilter filter)
    {
        var conditions = SqlConditions.None;
        if (filter.Division is { } division)
        {
            var range = DivisionRange.Of(division);
            conditions = conditions.And("division BETWEEN @division_low AND @division_high", "division_low", range.Lowest, "division_high", range.Highest);
        }

        if (filter.CallerDivision is { } caller)
        {
            var range = DivisionRange.Of(caller);
            conditions = conditions.And("division BETWEEN @caller_low AND @caller_high", "caller_low", range.Lowest, "caller_high", range.Highest);
        }

        if (filter.Kind is { } kind)
        {
            conditions = conditions.And("kind = @kind", "kind", kind);
        }

        if (filter.HeadIdNumber is { } head)
        {
            conditions = conditions.And("head_id_number = @head", "head", head);
        }

        if (filter.UpdatedSince is { } since)
        {
            conditions = conditions.And("updated_at >= @updated_since", "updated_since", since.ToUniversalTime());
        }

        return conditions;
    }
}

/// <summary>A WHERE clause built from fixed SQL fragments and named parameters: values never enter the SQL text.</summary>
internal sealed record SqlConditions(IReadOnlyList<string> Fragments, IReadOnlyList<(string Name, object Value)> Parameters)
{
    public static readonly SqlConditions None = new([], []);

    public SqlConditions And(string fragment, params (string Name, object Value)[] parameters) =>
        new([.. Fragments, fragment], [.. Parameters, .. parameters]);

    public SqlConditions And(string fragment) => And(fragment, []);

    public SqlConditions And(string fragment, string name, object value) => And(fragment, [(name, value)]);

    public SqlConditions And(string fragment, string name1, object value1, string name2, object value2) => And(fragment, [(name1, value1), (name2, value2)]);

    public string Where() => Fragments.Count == 0 ? "" : " WHERE " + string.Join(" AND ", Fragments);

    public void AddParameters(NpgsqlParameterCollection target)
    {
        foreach (var (name, value) in Parameters)
        {
            target.AddWithValue(name, value);
        }
    }

    /// <summary>Escapes LIKE's wildcards so that the text is matched literally (backslash is LIKE's default escape).</summary>
    public static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
