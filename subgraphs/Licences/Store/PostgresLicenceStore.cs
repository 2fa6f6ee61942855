using System.Text;
using Federation.Storage;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Licences.Store;

/// <summary>
/// The licence library in PostgreSQL (schema <see cref="Schema"/>). Each read is one statement;
/// corrections lock the row, write it and their change event (outbox) in one transaction.
/// </summary>
internal sealed class PostgresLicenceStore : ILicenceStore
{
    private const string Columns = """
        l.number, l.type_code, l.holder_kind, l.holder_key, l.holder_name, l.issuing_agency, l.issuing_agency_name,
        l.issued_on, l.valid_from, l.valid_until, l.status, l.item_keys, l.item_labels, l.item_values,
        l.seal_algorithm, l.seal_canonicalization, l.seal_content, l.seal_signature, l.seal_id, c.certificate,
        l.sealed_at, l.updated_at, l.seal_salt
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly ChangeOutbox outbox;
    private readonly Action afterCommit;
    private readonly string licences;
    private readonly string certificates;

    public PostgresLicenceStore(NpgsqlDataSource dataSource, string schema, ChangeOutbox outbox, Action? afterCommit = null)
    {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.afterCommit = afterCommit ?? (() => { });
        Schema = schema;
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        licences = quoted + ".licences";
        certificates = quoted + ".seal_certificates";
    }

    public string Schema { get; }

    public NpgsqlDataSource DataSource => dataSource;

    private string From => $"{licences} l JOIN {certificates} c ON c.seal_id = l.seal_id";

    /// <summary>Applies the migrations and creates the outbox (idempotent).</summary>
    public async Task MigrateAsync(Microsoft.Extensions.Logging.ILogger? logger, CancellationToken cancellationToken)
    {
        await PostgresMigrations.ApplyAsync(dataSource, Schema, SqlMigration.FromAssembly(typeof(PostgresLicenceStore).Assembly), logger, cancellationToken).ConfigureAwait(false);
        await outbox.EnsureAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<string, Licence>> FindAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM {From} WHERE l.number = ANY(@numbers)");
        command.Parameters.Add(new NpgsqlParameter<string[]>("numbers", [.. numbers]));
        var found = new Dictionary<string, Licence>(numbers.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var licence = Read(reader, 0);
            found[licence.Number] = licence;
        }

        return found;
    }

    public async ValueTask<Page<Licence>> ListAsync(LicenceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = Where(filter, command.Parameters);
        var after = After(page, command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.First + 1));

        // One statement: the count of every match, and the page after the cursor joined to it, so
        // an empty page still brings its total.
        command.CommandText = $"""
            SELECT t.total, p.* FROM (SELECT count(*) AS total FROM {licences} l WHERE {where}) t
            LEFT JOIN LATERAL (
                SELECT {Columns} FROM {From} WHERE {where} AND {after}
                ORDER BY l.issued_on DESC, l.number LIMIT @limit) p ON true
            """;
        var rows = new List<Licence>(page.First + 1);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            total = (int)reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(Read(reader, 1));
            }
        }

        return Page<Licence>.FromRows(rows, page, total);
    }

    public async ValueTask<IReadOnlyDictionary<string, Page<Licence>>> ListByHoldersAsync(
        HolderKind kind, IReadOnlyList<string> holderKeys, LicenceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = Where(filter, command.Parameters) + " AND l.holder_kind = @holder_kind AND l.holder_key = h.key";
        var after = After(page, command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<string>("holder_kind", HolderKinds.Name(kind)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("holders", [.. holderKeys]));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.First + 1));

        // One statement for the whole batch of holders: per holder its count and its page.
        command.CommandText = $"""
            SELECT h.key, t.total, p.* FROM unnest(@holders) AS h(key)
            CROSS JOIN LATERAL (SELECT count(*) AS total FROM {licences} l WHERE {where}) t
            LEFT JOIN LATERAL (
                SELECT {Columns} FROM {From} WHERE {where} AND {after}
                ORDER BY l.issued_on DESC, l.number LIMIT @limit) p ON true
            """;
        var rowsByHolder = new Dictionary<string, (List<Licence> Rows, int Total)>(holderKeys.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                if (!rowsByHolder.TryGetValue(key, out var entry))
                {
                    entry = ([], (int)reader.GetInt64(1));
                    rowsByHolder[key] = entry;
                }

                if (!reader.IsDBNull(2))
                {
                    entry.Rows.Add(Read(reader, 2));
                }
            }
        }

        var pages = new Dictionary<string, Page<Licence>>(holderKeys.Count, StringComparer.Ordinal);
        foreach (var (key, (rows, total)) in rowsByHolder)
        {
            pages[key] = Page<Licence>.FromRows(rows, page, total);
        }

        return pages;
    }

    public async ValueTask<LicenceChange> ChangeAsync(string number, Func<Licence, LicenceChange> change, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Licence current;
        await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM {From} WHERE l.number = @number FOR UPDATE OF l", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string>("number", number));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw LicenceErrorCodes.LicenceNotFound(number);
            }

            current = Read(reader, 0);
        }

        var applied = change(current);
        if (!applied.Changed)
        {
            return applied;
        }

        var licence = applied.Licence;
        await using (var write = new NpgsqlBatch(connection, transaction))
        {
            var certificate = new NpgsqlBatchCommand($"INSERT INTO {certificates} (seal_id, agency_credit_code, certificate) VALUES (@seal_id, @agency, @certificate) ON CONFLICT (seal_id) DO NOTHING");
            certificate.Parameters.Add(new NpgsqlParameter<string>("seal_id", licence.Seal.SealId));
            certificate.Parameters.Add(new NpgsqlParameter<string>("agency", licence.IssuingAgencyCode));
            certificate.Parameters.Add(new NpgsqlParameter<string>("certificate", licence.Seal.Certificate));
            write.BatchCommands.Add(certificate);

            var update = new NpgsqlBatchCommand($"""
                UPDATE {licences} SET holder_name = @holder_name, issued_on = @issued_on, valid_from = @valid_from, valid_until = @valid_until,
                    status = @status, item_keys = @item_keys, item_labels = @item_labels, item_values = @item_values,
                    seal_algorithm = @seal_algorithm, seal_canonicalization = @seal_canonicalization, seal_content = @seal_content,
                    seal_signature = @seal_signature, seal_id = @seal_id, sealed_at = @sealed_at, seal_salt = @seal_salt, updated_at = @updated_at
                WHERE number = @number
                """);
            var parameters = update.Parameters;
            parameters.Add(new NpgsqlParameter<string>("number", licence.Number));
            parameters.Add(new NpgsqlParameter<string>("holder_name", licence.HolderName));
            parameters.Add(new NpgsqlParameter<DateOnly>("issued_on", licence.IssuedOn));
            parameters.Add(new NpgsqlParameter<DateOnly>("valid_from", licence.ValidFrom));
            parameters.Add(new NpgsqlParameter("valid_until", NpgsqlDbType.Date) { Value = licence.ValidUntil is { } until ? until : DBNull.Value });
            parameters.Add(new NpgsqlParameter<string>("status", LicenceStatuses.Name(licence.Status)));
            parameters.Add(new NpgsqlParameter<string[]>("item_keys", [.. licence.Items.Select(i => i.Key)]));
            parameters.Add(new NpgsqlParameter<string[]>("item_labels", [.. licence.Items.Select(i => i.Label)]));
            parameters.Add(new NpgsqlParameter<string[]>("item_values", [.. licence.Items.Select(i => i.Value)]));
            parameters.Add(new NpgsqlParameter<string>("seal_algorithm", licence.Seal.Algorithm));
            parameters.Add(new NpgsqlParameter<string>("seal_canonicalization", licence.Seal.Canonicalization));
            parameters.Add(new NpgsqlParameter<string>("seal_content", licence.Seal.CanonicalContent));
            parameters.Add(new NpgsqlParameter<string>("seal_signature", licence.Seal.Signature));
            parameters.Add(new NpgsqlParameter<string>("seal_id", licence.Seal.SealId));
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("sealed_at", licence.Seal.SealedAt.ToUniversalTime()));
            parameters.Add(new NpgsqlParameter<string>("seal_salt", licence.Seal.Salt));
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_at", licence.UpdatedAt.ToUniversalTime()));
            write.BatchCommands.Add(update);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await outbox.WriteAsync(
            connection,
            transaction,
            new ChangeEvent(Licences.Schema.LicencesSubgraph.Name, "Licence", number, applied.ChangedFields, reason, licence.UpdatedAt),
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        afterCommit();
        return applied;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> numbers of licences sealed before seals had a salt (migration
    /// 0002 gave them the empty salt), which start-up seals anew.
    /// </summary>
    public async ValueTask<IReadOnlyList<string>> UnsaltedNumbersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT number FROM {licences} WHERE seal_salt = '' ORDER BY number LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var numbers = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            numbers.Add(reader.GetString(0));
        }

        return numbers;
    }

    public async ValueTask<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT NOT EXISTS (SELECT 1 FROM {licences})");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The filter as a condition on <c>l</c>, its values added as parameters.</summary>
    private static string Where(LicenceFilter filter, NpgsqlParameterCollection parameters)
    {
        var where = new StringBuilder("true");
        if (filter.TypeCodes is { } types)
        {
            where.Append(" AND l.type_code = ANY(@type_codes)");
            parameters.Add(new NpgsqlParameter<string[]>("type_codes", [.. types]));
        }

        if (filter.WithheldTypeCodes is { } withheld)
        {
            where.Append(" AND l.type_code <> ALL(@withheld_type_codes)");
            parameters.Add(new NpgsqlParameter<string[]>("withheld_type_codes", [.. withheld]));
        }

        if (filter.Statuses is { } statuses)
        {
            where.Append(" AND l.status = ANY(@statuses)");
            parameters.Add(new NpgsqlParameter<string[]>("statuses", [.. statuses.Select(LicenceStatuses.Name)]));
        }

        if (filter.HolderIdNumber is { } idNumber)
        {
            where.Append(" AND l.holder_kind = 'PERSON' AND l.holder_key = @holder_id_number");
            parameters.Add(new NpgsqlParameter<string>("holder_id_number", idNumber));
        }

        if (filter.HolderCreditCode is { } creditCode)
        {
            where.Append(" AND l.holder_kind = 'LEGAL_PERSON' AND l.holder_key = @holder_credit_code");
            parameters.Add(new NpgsqlParameter<string>("holder_credit_code", creditCode));
        }

        if (filter.IssuingAgency is { } agency)
        {
            where.Append(" AND l.issuing_agency = @issuing_agency");
            parameters.Add(new NpgsqlParameter<string>("issuing_agency", agency));
        }

        if (filter.IssuedOnOrAfter is { } from)
        {
            where.Append(" AND l.issued_on >= @issued_from");
            parameters.Add(new NpgsqlParameter<DateOnly>("issued_from", from));
        }

        if (filter.IssuedOnOrBefore is { } to)
        {
            where.Append(" AND l.issued_on <= @issued_to");
            parameters.Add(new NpgsqlParameter<DateOnly>("issued_to", to));
        }

        if (filter.ValidOn is { } day)
        {
            where.Append(" AND l.status IN ('VALID', 'EXPIRED') AND l.valid_from <= @valid_on AND (l.valid_until IS NULL OR l.valid_until >= @valid_on)");
            parameters.Add(new NpgsqlParameter<DateOnly>("valid_on", day));
        }

        if (filter.UpdatedSince is { } since)
        {
            where.Append(" AND l.updated_at >= @updated_since");
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_since", since.ToUniversalTime()));
        }

        return where.ToString();
    }

    /// <summary>The keyset condition of the page: after (issued_on, number) in newest-first order.</summary>
    private static string After(PageRequest page, NpgsqlParameterCollection parameters)
    {
        if (LicenceOrder.After(page) is not { } after)
        {
            return "true";
        }

        parameters.Add(new NpgsqlParameter<DateOnly>("after_issued_on", after.IssuedOn));
        parameters.Add(new NpgsqlParameter<string>("after_number", after.Number));
        return "(l.issued_on < @after_issued_on OR (l.issued_on = @after_issued_on AND l.number > @after_number))";
    }

    private static Licence Read(NpgsqlDataReader reader, int at)
    {
        var typeCode = reader.GetString(at + 1);
        var type = LicenceCatalogue.Find(typeCode) ?? throw new InvalidOperationException($"Licence type {typeCode} is not in the catalogue.");
        var keys = reader.GetFieldValue<string[]>(at + 11);
        var labels = reader.GetFieldValue<string[]>(at + 12);
        var values = reader.GetFieldValue<string[]>(at + 13);
        var items = new LicenceItem[keys.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new LicenceItem(keys[i], labels[i], values[i]);
        }

        return new Licence(
            reader.GetString(at),
            type,
            new LicenceHolder(HolderKinds.Parse(reader.GetString(at + 2)), reader.GetString(at + 3)),
            reader.GetString(at + 4),
            reader.GetString(at + 5),
            reader.GetString(at + 6),
            reader.GetFieldValue<DateOnly>(at + 7),
            reader.GetFieldValue<DateOnly>(at + 8),
            reader.IsDBNull(at + 9) ? null : reader.GetFieldValue<DateOnly>(at + 9),
            LicenceStatuses.Parse(reader.GetString(at + 10)),
            items,
            new ElectronicSeal(
                reader.GetString(at + 14),
                reader.GetString(at + 15),
                reader.GetString(at + 16),
                reader.GetString(at + 17),
                reader.GetString(at + 19),
                reader.GetString(at + 18),
                reader.GetFieldValue<DateTimeOffset>(at + 20),
                reader.GetString(at + 22)),
            reader.GetFieldValue<DateTimeOffset>(at + 21));
    }
}
