using Federation.Storage;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Seeding;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.LegalPersons.Store;

/// <summary>
/// The register in PostgreSQL (schema <c>legal_persons</c> by default). Each read is one command —
/// a list page and its total count travel together as one batch — with parameters only; pages are
/// read by keyset (<c>credit_code &gt; @after</c>), never by offset. A correction writes its change
/// event to the outbox in the same transaction, and wakes the relay after the commit.
/// </summary>
internal sealed class PostgresLegalPersonStore : ILegalPersonStore
{
    private const string Columns =
        "l.credit_code, l.name, l.former_names, l.kind, l.status, l.representative_id_number, l.registered_capital, l.capital_currency, " +
        "l.established_on, l.operating_from, l.operating_until, l.address, l.standard_address_id, l.division_code, l.industry_code, " +
        "l.business_scope, l.authority_credit_code, l.terminated_on, l.updated_at";

    private const int ColumnCount = 19;

    private readonly NpgsqlDataSource dataSource;
    private readonly ChangeOutbox outbox;
    private readonly Action afterCommit;
    private readonly TimeProvider clock;
    private readonly string legalPersons;
    private readonly string shareholdings;
    private readonly string annualReports;

    public PostgresLegalPersonStore(NpgsqlDataSource dataSource, string schema, ChangeOutbox outbox, Action afterCommit, TimeProvider clock)
    {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.clock = clock;
        Schema = schema;
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        legalPersons = quoted + ".legal_persons";
        shareholdings = quoted + ".shareholdings";
        annualReports = quoted + ".annual_reports";
    }

    public string Schema { get; }

    public async Task<IReadOnlyDictionary<string, LegalPerson>> FindAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM {legalPersons} l WHERE l.credit_code = ANY(@codes)");
        command.Parameters.Add(TextArray("codes", creditCodes));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, LegalPerson>(creditCodes.Count, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var legalPerson = Read(reader, 0);
            found[legalPerson.CreditCode] = legalPerson;
        }

        return found;
    }

    public async Task<Page<LegalPerson>> ListAsync(LegalPersonFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Conditions(filter, parameters);
        await using var batch = dataSource.CreateBatch();
        var rows = new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM {legalPersons} l WHERE {where}{(page.After is null ? "" : " AND l.credit_code > @after")} ORDER BY l.credit_code LIMIT @limit");
        foreach (var parameter in parameters)
        {
            rows.Parameters.Add(parameter.Clone());
        }
        if (page.After is not null)
        {
            rows.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = page.After[0] });
        }

        rows.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = page.First + 1 });
        var count = new NpgsqlBatchCommand($"SELECT count(*)::integer FROM {legalPersons} l WHERE {where}");
        foreach (var parameter in parameters)
        {
            count.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(rows);
        batch.BatchCommands.Add(count);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<LegalPerson>(page.First + 1);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(Read(reader, 0));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Page<LegalPerson>.FromRows(found, page, reader.GetInt32(0));
    }

    public async Task<IReadOnlyDictionary<string, Page<LegalPerson>>> RepresentedAsync(
        IReadOnlyList<string> idNumbers,
        IReadOnlyList<LegalPersonStatus>? statuses,
        string? callerDivisionPrefix,
        PageRequest page,
        CancellationToken cancellationToken)
    {
        var statusCondition = (statuses is null ? "" : " AND l.status = ANY(@statuses)")
            + (callerDivisionPrefix is null ? "" : " AND l.division_code >= @caller_from AND l.division_code < @caller_to");
        await using var batch = dataSource.CreateBatch();
        var rows = new NpgsqlBatchCommand($"""
            SELECT r.id_number, {Columns}
            FROM unnest(@ids) AS r(id_number)
            CROSS JOIN LATERAL (
                SELECT * FROM {legalPersons} l
                WHERE l.representative_id_number = r.id_number{statusCondition}{(page.After is null ? "" : " AND l.credit_code > @after")}
                ORDER BY l.credit_code
                LIMIT @limit) l
            ORDER BY r.id_number, l.credit_code
            """);
        rows.Parameters.Add(TextArray("ids", idNumbers));
        rows.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = page.First + 1 });
        if (page.After is not null)
        {
            rows.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = page.After[0] });
        }

        var count = new NpgsqlBatchCommand($"""
            SELECT l.representative_id_number, count(*)::integer FROM {legalPersons} l
            WHERE l.representative_id_number = ANY(@ids){statusCondition}
            GROUP BY l.representative_id_number
            """);
        count.Parameters.Add(TextArray("ids", idNumbers));
        if (statuses is not null)
        {
            rows.Parameters.Add(TextArray("statuses", statuses.Select(SchemaNames<LegalPersonStatus>.Of).ToList()));
            count.Parameters.Add(TextArray("statuses", statuses.Select(SchemaNames<LegalPersonStatus>.Of).ToList()));
        }

        if (callerDivisionPrefix is not null)
        {
            foreach (var command in (NpgsqlBatchCommand[])[rows, count])
            {
                command.Parameters.Add(new NpgsqlParameter("caller_from", NpgsqlDbType.Text) { Value = callerDivisionPrefix });
                command.Parameters.Add(new NpgsqlParameter("caller_to", NpgsqlDbType.Text) { Value = PrefixEnd(callerDivisionPrefix) });
            }
        }

        batch.BatchCommands.Add(rows);
        batch.BatchCommands.Add(count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, List<LegalPerson>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var idNumber = reader.GetString(0);
            if (!found.TryGetValue(idNumber, out var list))
            {
                found[idNumber] = list = [];
            }

            list.Add(Read(reader, 1));
        }

        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            totals[reader.GetString(0)] = reader.GetInt32(1);
        }

        var pages = new Dictionary<string, Page<LegalPerson>>(idNumbers.Count, StringComparer.Ordinal);
        foreach (var idNumber in idNumbers)
        {
            pages[idNumber] = Page<LegalPerson>.FromRows(found.GetValueOrDefault(idNumber) ?? [], page, totals.GetValueOrDefault(idNumber));
        }

        return pages;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Shareholding>>> ShareholdersAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT credit_code, shareholder_id_number, shareholder_credit_code, shareholder_name,
                   subscribed_amount, subscribed_currency, paid_in_amount, paid_in_currency, share_percentage
            FROM {shareholdings} WHERE credit_code = ANY(@codes) ORDER BY credit_code, position
            """);
        command.Parameters.Add(TextArray("codes", creditCodes));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var lists = Empty<Shareholding>(creditCodes);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lists[reader.GetString(0)].Add(ReadShareholding(reader, 1));
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<Shareholding>)p.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AnnualReport>>> AnnualReportsAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT credit_code, year, filed_on, employees, operating_status, phone, website
            FROM {annualReports} WHERE credit_code = ANY(@codes) ORDER BY credit_code, year DESC
            """);
        command.Parameters.Add(TextArray("codes", creditCodes));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var lists = Empty<AnnualReport>(creditCodes);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lists[reader.GetString(0)].Add(new AnnualReport(
                reader.GetInt32(1),
                reader.GetFieldValue<DateOnly>(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<AnnualReport>)p.Value, StringComparer.Ordinal);
    }

    public async Task<Correction> CorrectAsync(LegalPersonCorrection correction, CancellationToken cancellationToken)
    {
        var now = LegalPersonChange.Now(clock);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await LockAsync(connection, transaction, correction.CreditCode, cancellationToken).ConfigureAwait(false);
        var result = correction.Apply(current, now);
        if (!result.Changed)
        {
            return result;
        }

        await UpdateAsync(connection, transaction, result.LegalPerson, cancellationToken).ConfigureAwait(false);
        await outbox.WriteAsync(connection, transaction, correction.Event(result, now), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        afterCommit();
        return result;
    }

    public async Task<Correction> CorrectShareholdersAsync(ShareholdersCorrection correction, CancellationToken cancellationToken)
    {
        var now = LegalPersonChange.Now(clock);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await LockAsync(connection, transaction, correction.CreditCode, cancellationToken).ConfigureAwait(false);
        var before = (await ShareholdersAsync([correction.CreditCode], cancellationToken).ConfigureAwait(false))[correction.CreditCode];
        var result = correction.Apply(current, before, now);
        if (!result.Changed)
        {
            return result;
        }

        await using (var replace = new NpgsqlCommand($"""
            DELETE FROM {shareholdings} WHERE credit_code = @code;
            INSERT INTO {shareholdings} (credit_code, position, shareholder_id_number, shareholder_credit_code, shareholder_name,
                subscribed_amount, subscribed_currency, paid_in_amount, paid_in_currency, share_percentage)
            SELECT @code, s.position, s.id_number, s.credit_code, s.name, s.subscribed, s.subscribed_currency, s.paid_in, s.paid_in_currency, s.percentage
            FROM unnest(@positions, @id_numbers, @credit_codes, @names, @subscribed, @subscribed_currencies, @paid_in, @paid_in_currencies, @percentages)
                AS s(position, id_number, credit_code, name, subscribed, subscribed_currency, paid_in, paid_in_currency, percentage);
            UPDATE {legalPersons} SET updated_at = @updated WHERE credit_code = @code
            """, connection, transaction))
        {
            var stakes = correction.Shareholders;
            replace.Parameters.AddWithValue("code", correction.CreditCode);
            replace.Parameters.AddWithValue("positions", Enumerable.Range(0, stakes.Count).ToArray());
            replace.Parameters.Add(TextArray("id_numbers", stakes.Select(s => s.ShareholderIdNumber).ToList()));
            replace.Parameters.Add(TextArray("credit_codes", stakes.Select(s => s.ShareholderCreditCode).ToList()));
            replace.Parameters.Add(TextArray("names", stakes.Select(s => (string?)s.ShareholderName).ToList()));
            replace.Parameters.Add(new NpgsqlParameter("subscribed", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = stakes.Select(s => s.SubscribedCapital?.Value).ToArray() });
            replace.Parameters.Add(TextArray("subscribed_currencies", stakes.Select(s => s.SubscribedCapital?.Currency).ToList()));
            replace.Parameters.Add(new NpgsqlParameter("paid_in", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = stakes.Select(s => s.PaidInCapital?.Value).ToArray() });
            replace.Parameters.Add(TextArray("paid_in_currencies", stakes.Select(s => s.PaidInCapital?.Currency).ToList()));
            replace.Parameters.Add(new NpgsqlParameter("percentages", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = stakes.Select(s => s.SharePercentage).ToArray() });
            replace.Parameters.AddWithValue("updated", result.LegalPerson.UpdatedAt);
            await replace.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await outbox.WriteAsync(connection, transaction, correction.Event(result, now), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        afterCommit();
        return result;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*)::integer FROM {legalPersons}");
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT 1 FROM {legalPersons} LIMIT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task LoadAsync(IEnumerable<LegalPersonFile> files, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresBulkLoad.CopyAsync(connection, Schema, files, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SQL condition of <paramref name="filter"/>; prefixes become ranges so the b-tree indexes answer them.</summary>
    private static string Conditions(LegalPersonFilter filter, List<NpgsqlParameter> parameters)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, NpgsqlDbType type, object value)
        {
            conditions.Add(condition);
            parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }

        if (filter.NameContains is { } name)
        {
            Add("strpos(l.name, @name) > 0", "name", NpgsqlDbType.Text, name);
        }

        if (filter.Kinds is { } kinds)
        {
            Add("l.kind = ANY(@kinds)", "kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, kinds.Select(SchemaNames<LegalPersonKind>.Of).ToArray());
        }

        if (filter.Statuses is { } statuses)
        {
            Add("l.status = ANY(@statuses)", "statuses", NpgsqlDbType.Array | NpgsqlDbType.Text, statuses.Select(SchemaNames<LegalPersonStatus>.Of).ToArray());
        }

        // A whole code is an equality, so the (code, credit_code) index also gives the page order.
        if (filter.DivisionPrefix is { Length: 6 } county)
        {
            Add("l.division_code = @division", "division", NpgsqlDbType.Text, county);
        }
        else if (filter.DivisionPrefix is { } division)
        {
            Add("l.division_code >= @division_from", "division_from", NpgsqlDbType.Text, division);
            Add("l.division_code < @division_to", "division_to", NpgsqlDbType.Text, PrefixEnd(division));
        }

        if (filter.CallerDivisionPrefix is { } caller)
        {
            Add("l.division_code >= @caller_from", "caller_from", NpgsqlDbType.Text, caller);
            Add("l.division_code < @caller_to", "caller_to", NpgsqlDbType.Text, PrefixEnd(caller));
        }

        if (filter.IndustryCodePrefix is { Length: 5 } industryClass)
        {
            Add("l.industry_code = @industry", "industry", NpgsqlDbType.Text, industryClass);
        }
        else if (filter.IndustryCodePrefix is { } industry)
        {
            Add("l.industry_code >= @industry_from", "industry_from", NpgsqlDbType.Text, industry);
            Add("l.industry_code < @industry_to", "industry_to", NpgsqlDbType.Text, PrefixEnd(industry));
        }

        if (filter.EstablishedOnOrAfter is { } from)
        {
            Add("l.established_on >= @established_from", "established_from", NpgsqlDbType.Date, from);
        }

        if (filter.EstablishedOnOrBefore is { } until)
        {
            Add("l.established_on <= @established_until", "established_until", NpgsqlDbType.Date, until);
        }

        if (filter.LegalRepresentative is { } representative)
        {
            Add("l.representative_id_number = @representative", "representative", NpgsqlDbType.Text, representative);
        }

        if (filter.UpdatedSince is { } since)
        {
            Add("l.updated_at >= @updated_since", "updated_since", NpgsqlDbType.TimestampTz, since.ToUniversalTime());
        }

        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    /// <summary>The least text after every text starting with <paramref name="prefix"/> (its last character raised by one).</summary>
    private static string PrefixEnd(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());

    private async Task<LegalPerson> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string creditCode, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM {legalPersons} l WHERE l.credit_code = @code FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("code", creditCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? Read(reader, 0)
            : throw LegalPersonErrorCodes.LegalPersonNotFound(creditCode);
    }

    private async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LegalPerson record, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE {legalPersons} SET name = @name, former_names = @former_names, kind = @kind, status = @status,
                representative_id_number = @representative, registered_capital = @capital, capital_currency = @currency,
                established_on = @established, operating_from = @operating_from, operating_until = @operating_until,
                address = @address, standard_address_id = @standard_address, division_code = @division, industry_code = @industry,
                business_scope = @scope, terminated_on = @terminated, updated_at = @updated
            WHERE credit_code = @code
            """, connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("code", record.CreditCode);
        p.AddWithValue("name", record.Name);
        p.Add(TextArray("former_names", record.FormerNames.ToList()!));
        p.AddWithValue("kind", SchemaNames<LegalPersonKind>.Of(record.Kind));
        p.AddWithValue("status", SchemaNames<LegalPersonStatus>.Of(record.Status));
        p.Add(Nullable("representative", NpgsqlDbType.Text, record.RepresentativeIdNumber));
        p.Add(Nullable("capital", NpgsqlDbType.Numeric, record.RegisteredCapital?.Value));
        p.Add(Nullable("currency", NpgsqlDbType.Text, record.RegisteredCapital?.Currency));
        p.AddWithValue("established", record.EstablishedOn);
        p.Add(Nullable("operating_from", NpgsqlDbType.Date, record.OperatingFrom));
        p.Add(Nullable("operating_until", NpgsqlDbType.Date, record.OperatingUntil));
        p.AddWithValue("address", record.Address);
        p.Add(Nullable("standard_address", NpgsqlDbType.Text, record.StandardAddressId));
        p.AddWithValue("division", record.DivisionCode);
        p.Add(Nullable("industry", NpgsqlDbType.Text, record.IndustryCode));
        p.Add(Nullable("scope", NpgsqlDbType.Text, record.BusinessScope));
        p.Add(Nullable("terminated", NpgsqlDbType.Date, record.TerminatedOn));
        p.AddWithValue("updated", record.UpdatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static LegalPerson Read(NpgsqlDataReader reader, int at)
    {
        string? Text(int i) => reader.IsDBNull(at + i) ? null : reader.GetString(at + i);
        DateOnly? Date(int i) => reader.IsDBNull(at + i) ? null : reader.GetFieldValue<DateOnly>(at + i);
        return new LegalPerson
        {
            CreditCode = reader.GetString(at),
            Name = reader.GetString(at + 1),
            FormerNames = reader.GetFieldValue<string[]>(at + 2),
            Kind = SchemaNames<LegalPersonKind>.Parse(reader.GetString(at + 3)),
            Status = SchemaNames<LegalPersonStatus>.Parse(reader.GetString(at + 4)),
            RepresentativeIdNumber = Text(5),
            RegisteredCapital = reader.IsDBNull(at + 6) ? null : new Money(reader.GetDecimal(at + 6), reader.GetString(at + 7)),
            EstablishedOn = reader.GetFieldValue<DateOnly>(at + 8),
            OperatingFrom = Date(9),
            OperatingUntil = Date(10),
            Address = reader.GetString(at + 11),
            StandardAddressId = Text(12),
            DivisionCode = reader.GetString(at + 13),
            IndustryCode = Text(14),
            BusinessScope = Text(15),
            AuthorityCreditCode = reader.GetString(at + 16),
            TerminatedOn = Date(17),
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(at + ColumnCount - 1),
        };
    }

    private static Shareholding ReadShareholding(NpgsqlDataReader reader, int at) => new(
        reader.IsDBNull(at) ? null : reader.GetString(at),
        reader.IsDBNull(at + 1) ? null : reader.GetString(at + 1),
        reader.GetString(at + 2),
        reader.IsDBNull(at + 3) ? null : new Money(reader.GetDecimal(at + 3), reader.GetString(at + 4)),
        reader.IsDBNull(at + 5) ? null : new Money(reader.GetDecimal(at + 5), reader.GetString(at + 6)),
        reader.IsDBNull(at + 7) ? null : reader.GetDouble(at + 7));

    private static Dictionary<string, List<T>> Empty<T>(IReadOnlyList<string> creditCodes)
    {
        var lists = new Dictionary<string, List<T>>(creditCodes.Count, StringComparer.Ordinal);
        foreach (var code in creditCodes)
        {
            lists.TryAdd(code, []);
        }

        return lists;
    }

    private static NpgsqlParameter TextArray(string name, IReadOnlyList<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
