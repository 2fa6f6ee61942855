using System.Runtime.CompilerServices;
using System.Text;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Storage;
using Federation.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Gateway.Auditing;

/// <summary>
/// The trail read from PostgreSQL: the <c>records</c> table of <see cref="Audit.Storage.AuditMigrations"/>
/// in <paramref name="schema"/>. The filter is asked of the searched columns as the store writes them
/// (<see cref="Audit.Storage.AuditRecordColumns"/>; GIN indexes serve subject, and user and matter through <c>records_terms</c>), the entry is read from the canonical body, the one the
/// chain hashes, by <paramref name="readBody"/>. The SQL text is made of this class's constants only:
/// every value a caller gives is a parameter.
/// </summary>
internal sealed class PostgresAuditReader(NpgsqlDataSource source, string schema, Func<ReadOnlyMemory<byte>, AuditEntry> readBody) : IAuditReader
{
    private const string Columns = "instance, sequence, at, body, previous_hash, hash";
    private const string Ascending = " ORDER BY at, instance COLLATE \"C\", sequence";
    private const string Descending = " ORDER BY at DESC, instance COLLATE \"C\" DESC, sequence DESC";

    private readonly string records = PostgresMigrations.QuoteIdentifier(schema) + ".records";

    public async Task<IReadOnlyList<ChainedRecord>> PageAsync(AuditFilter filter, AuditPosition? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = Select(filter);
        var sql = new StringBuilder(command.CommandText);
        if (after is { } position)
        {
            sql.Append(" AND (at, instance COLLATE \"C\", sequence) < (@after_at, @after_instance COLLATE \"C\", @after_sequence)");
            command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = position.At.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("after_instance", NpgsqlDbType.Text) { Value = position.Instance });
            command.Parameters.Add(new NpgsqlParameter("after_sequence", NpgsqlDbType.Bigint) { Value = position.Sequence });
        }

        sql.Append(Descending).Append(" LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        command.CommandText = sql.ToString();
        var page = new List<ChainedRecord>(Math.Min(limit, 512));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(Read(reader));
        }

        return page;
    }

    public async IAsyncEnumerable<ChainedRecord> ScanAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Select(filter);
        command.CommandText += Ascending;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Read(reader);
        }
    }

    /// <summary>The command selecting the records <paramref name="filter"/> matches, its conditions ANDed; ordering and limits are the caller's.</summary>
    private NpgsqlCommand Select(AuditFilter filter)
    {
        var command = source.CreateCommand();
        var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM ").Append(records).Append(" WHERE true");
        Condition(sql, command, " AND agency = @agency", "agency", NpgsqlDbType.Text, filter.Agency);
        Condition(sql, command, " AND user_id = @user", "user", NpgsqlDbType.Text, filter.User);
        Condition(sql, command, " AND purpose = @purpose", "purpose", NpgsqlDbType.Text, filter.Purpose);
        Condition(sql, command, " AND matter = @matter", "matter", NpgsqlDbType.Text, filter.Matter);
        // User and matter are found through records_terms (migration 2): the same expression, asked for the
        // filter's terms; the conditions on the columns stay, and decide. A resource has no index: its values
        // are few and common, and a page of them is found walking the time index.
        var terms = Terms(filter);
        Condition(sql, command, $" AND {AuditMigrations.TermsExpression} @> @terms", "terms", NpgsqlDbType.Array | NpgsqlDbType.Text, terms.Count == 0 ? null : terms.ToArray());
        Condition(sql, command, " AND event = @event", "event", NpgsqlDbType.Text, filter.Event);
        Condition(sql, command, " AND kind = @kind", "kind", NpgsqlDbType.Text, filter.Kind is { } kind ? AuditWireNames.Of(kind) : null);
        Condition(sql, command, " AND resources @> @resources", "resources", NpgsqlDbType.Array | NpgsqlDbType.Text, filter.Resource is { } resource ? new[] { resource } : null);
        // The column keeps a denial with its code (DENIED:RESOURCE_NOT_SHARED, AuditRecordColumns.DecisionName).
        Condition(sql, command, " AND EXISTS (SELECT FROM unnest(decisions) AS d WHERE split_part(d, ':', 1) = @decision)", "decision", NpgsqlDbType.Text, filter.Decision is { } decision ? AuditWireNames.Of(decision) : null);
        Condition(sql, command, " AND subjects @> @subjects", "subjects", NpgsqlDbType.Array | NpgsqlDbType.Bytea, filter.Subject is { } subject ? new[] { Convert.FromHexString(subject) } : null);
        Condition(sql, command, " AND at >= @from", "from", NpgsqlDbType.TimestampTz, filter.From?.UtcDateTime);
        Condition(sql, command, " AND at < @until", "until", NpgsqlDbType.TimestampTz, filter.Until?.UtcDateTime);
        command.CommandText = sql.ToString();
        return command;
    }

    private static List<string> Terms(AuditFilter filter)
    {
        var terms = new List<string>(2);
        if (filter.User is { } user)
        {
            terms.Add(AuditMigrations.UserTerm(user));
        }

        if (filter.Matter is { } matter)
        {
            terms.Add(AuditMigrations.MatterTerm(matter));
        }

        return terms;
    }

    private static void Condition(StringBuilder sql, NpgsqlCommand command, string clause, string name, NpgsqlDbType type, object? value)
    {
        if (value is not null)
        {
            sql.Append(clause);
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }
    }

    private ChainedRecord Read(NpgsqlDataReader reader)
    {
        var body = reader.GetFieldValue<byte[]>(3);
        return new ChainedRecord(
            reader.GetString(0),
            reader.GetInt64(1),
            readBody(body),
            body,
            reader.GetFieldValue<byte[]>(4),
            reader.GetFieldValue<byte[]>(5));
    }
}
