using System.Globalization;
using Federation.Gateway.Audit.Chain;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Gateway.Audit.Storage;

/// <summary>
/// The column values of one row of <c>records</c>, made from a <see cref="ChainedRecord"/> in this one
/// place: the sink writes them, and the verifier makes them again from each stored body and compares
/// them with what the row holds (<c>COLUMNS_MISMATCH</c>), so a column changed behind the body's back —
/// the one an auditor searches by — is found. Kinds and outcomes are their canonical names
/// (<see cref="AuditCanonicalForm"/>), decisions <see cref="DecisionName"/>: what the reading API searches for.
/// </summary>
internal sealed class AuditRecordColumns
{
    /// <summary>The columns in the order <see cref="Write"/> writes and <see cref="Read"/> reads them.</summary>
    public const string List =
        "instance, sequence, at, kind, event, user_id, agency, division, purpose, matter, operation_name, document_hash, outcome, " +
        "duration_us, client_address, request_id, error_codes, resources, decisions, grants, subjects, body, previous_hash, hash";

    public required string Instance { get; init; }

    public required long Sequence { get; init; }

    /// <summary>The entry's time in UTC, to the microsecond (PostgreSQL's precision).</summary>
    public required DateTimeOffset At { get; init; }

    public required string Kind { get; init; }

    public string? Event { get; init; }

    public string? UserId { get; init; }

    public string? Agency { get; init; }

    public string? Division { get; init; }

    public string? Purpose { get; init; }

    public string? Matter { get; init; }

    public string? OperationName { get; init; }

    public string? DocumentHash { get; init; }

    public string? Outcome { get; init; }

    public required long DurationMicroseconds { get; init; }

    public string? ClientAddress { get; init; }

    public string? RequestId { get; init; }

    public required string[] ErrorCodes { get; init; }

    /// <summary>The distinct catalogue resources of the entry's fields and subjects, in order of first mention.</summary>
    public required string[] Resources { get; init; }

    /// <summary>The distinct decisions of the entry's fields (<see cref="DecisionName"/>), in order of first mention.</summary>
    public required string[] Decisions { get; init; }

    /// <summary>The distinct grants of the entry's fields, in order of first mention.</summary>
    public required Guid[] Grants { get; init; }

    /// <summary>The distinct subject hashes, as bytes.</summary>
    public required byte[][] Subjects { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public required ReadOnlyMemory<byte> PreviousHash { get; init; }

    public required ReadOnlyMemory<byte> Hash { get; init; }

    public static AuditRecordColumns Of(ChainedRecord record)
    {
        var entry = record.Entry;
        var resources = new List<string>();
        var decisions = new List<string>();
        var grants = new List<Guid>();
        foreach (var field in entry.Fields)
        {
            AddDistinct(resources, field.Resource);
            AddDistinct(decisions, DecisionName(field.Decision, field.Code));
            if (field.Grant is { } grant && !grants.Contains(grant))
            {
                grants.Add(grant);
            }
        }

        var subjects = new List<byte[]>(entry.Subjects.Count);
        foreach (var subject in entry.Subjects)
        {
            foreach (var resource in subject.Resources)
            {
                AddDistinct(resources, resource);
            }

            var hash = SubjectBytes(subject.Hash);
            if (!subjects.Exists(s => s.AsSpan().SequenceEqual(hash)))
            {
                subjects.Add(hash);
            }
        }

        return new AuditRecordColumns
        {
            Instance = record.Instance,
            Sequence = record.Sequence,
            At = AuditCanonicalForm.Microseconds(entry.At),
            Kind = AuditCanonicalForm.NameOf(entry.Kind),
            Event = entry.Event,
            UserId = entry.User,
            Agency = entry.Agency,
            Division = entry.Division,
            Purpose = entry.Purpose,
            Matter = entry.Matter,
            OperationName = entry.OperationName,
            DocumentHash = entry.DocumentHash,
            Outcome = entry.Outcome is { } outcome ? AuditCanonicalForm.NameOf(outcome) : null,
            DurationMicroseconds = entry.DurationMicroseconds,
            ClientAddress = entry.ClientAddress,
            RequestId = entry.RequestId,
            ErrorCodes = [.. entry.ErrorCodes],
            Resources = [.. resources],
            Decisions = [.. decisions],
            Grants = [.. grants],
            Subjects = [.. subjects],
            Body = record.Body,
            PreviousHash = record.PreviousHash,
            Hash = record.Hash,
        };
    }

    /// <summary>
    /// A field's decision as the <c>decisions</c> column keeps it: the canonical name
    /// (<see cref="AuditCanonicalForm.NameOf(FieldDecision)"/>), with the denial's code after a colon —
    /// <c>ALLOWED</c>, <c>ALLOWED_WITHIN_DIVISION</c>, <c>DENIED:SHARE_GRANT_REQUIRED</c>, <c>DRY_RUN_DENIED:…</c>.
    /// </summary>
    public static string DecisionName(FieldDecision decision, string? code) =>
        code is null ? AuditCanonicalForm.NameOf(decision) : AuditCanonicalForm.NameOf(decision) + ":" + code;

    /// <summary>
    /// A subject hash as the <c>subjects</c> column keeps it: the bytes of its hex digits; anything that
    /// is not hex (no gateway writes that) as its UTF-8 bytes, so that every chained record can be stored.
    /// </summary>
    public static byte[] SubjectBytes(string hash)
    {
        try
        {
            return Convert.FromHexString(hash);
        }
        catch (FormatException)
        {
            return System.Text.Encoding.UTF8.GetBytes(hash);
        }
    }

    /// <summary>
    /// Appends the row to a binary <c>COPY records (<see cref="List"/>) FROM STDIN</c>. Synchronous on
    /// purpose: the importer buffers, and 24 awaits per row cost the writer more than the rare
    /// blocking flush of a full buffer on the shipper's own thread.
    /// </summary>
    public void Write(NpgsqlBinaryImporter copy)
    {
        copy.StartRow();
        copy.Write(Instance, NpgsqlDbType.Text);
        copy.Write(Sequence, NpgsqlDbType.Bigint);
        copy.Write(At, NpgsqlDbType.TimestampTz);
        copy.Write(Kind, NpgsqlDbType.Text);
        WriteText(copy, Event);
        WriteText(copy, UserId);
        WriteText(copy, Agency);
        WriteText(copy, Division);
        WriteText(copy, Purpose);
        WriteText(copy, Matter);
        WriteText(copy, OperationName);
        WriteText(copy, DocumentHash);
        WriteText(copy, Outcome);
        copy.Write(DurationMicroseconds, NpgsqlDbType.Bigint);
        WriteText(copy, ClientAddress);
        WriteText(copy, RequestId);
        copy.Write(ErrorCodes, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(Resources, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(Decisions, NpgsqlDbType.Array | NpgsqlDbType.Text);
        copy.Write(Grants, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        copy.Write(Subjects, NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        copy.Write(Body, NpgsqlDbType.Bytea);
        copy.Write(PreviousHash, NpgsqlDbType.Bytea);
        copy.Write(Hash, NpgsqlDbType.Bytea);
    }

    /// <summary>The row <paramref name="reader"/> is on, selected as <c>SELECT <see cref="List"/></c>.</summary>
    public static AuditRecordColumns Read(NpgsqlDataReader reader) => new()
    {
        Instance = reader.GetString(0),
        Sequence = reader.GetInt64(1),
        At = reader.GetFieldValue<DateTimeOffset>(2),
        Kind = reader.GetString(3),
        Event = TextOrNull(reader, 4),
        UserId = TextOrNull(reader, 5),
        Agency = TextOrNull(reader, 6),
        Division = TextOrNull(reader, 7),
        Purpose = TextOrNull(reader, 8),
        Matter = TextOrNull(reader, 9),
        OperationName = TextOrNull(reader, 10),
        DocumentHash = TextOrNull(reader, 11),
        Outcome = TextOrNull(reader, 12),
        DurationMicroseconds = reader.GetInt64(13),
        ClientAddress = TextOrNull(reader, 14),
        RequestId = TextOrNull(reader, 15),
        ErrorCodes = reader.GetFieldValue<string[]>(16),
        Resources = reader.GetFieldValue<string[]>(17),
        Decisions = reader.GetFieldValue<string[]>(18),
        Grants = reader.GetFieldValue<Guid[]>(19),
        Subjects = reader.GetFieldValue<byte[][]>(20),
        Body = reader.GetFieldValue<byte[]>(21),
        PreviousHash = reader.GetFieldValue<byte[]>(22),
        Hash = reader.GetFieldValue<byte[]>(23),
    };

    /// <summary>
    /// The first column whose value differs from <paramref name="stored"/>'s, with both values, for the
    /// verifier's message (subject hashes and bodies by length only); null when the two rows are the same.
    /// </summary>
    public string? FirstDifference(AuditRecordColumns stored)
    {
        return Compare("instance", Instance, stored.Instance)
            ?? Compare("sequence", Sequence, stored.Sequence)
            ?? Compare("at", At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), stored.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            ?? Compare("kind", Kind, stored.Kind)
            ?? Compare("event", Event, stored.Event)
            ?? Compare("user_id", UserId, stored.UserId)
            ?? Compare("agency", Agency, stored.Agency)
            ?? Compare("division", Division, stored.Division)
            ?? Compare("purpose", Purpose, stored.Purpose)
            ?? Compare("matter", Matter, stored.Matter)
            ?? Compare("operation_name", OperationName, stored.OperationName)
            ?? Compare("document_hash", DocumentHash, stored.DocumentHash)
            ?? Compare("outcome", Outcome, stored.Outcome)
            ?? Compare("duration_us", DurationMicroseconds, stored.DurationMicroseconds)
            ?? Compare("client_address", ClientAddress, stored.ClientAddress)
            ?? Compare("request_id", RequestId, stored.RequestId)
            ?? CompareList("error_codes", ErrorCodes, stored.ErrorCodes)
            ?? CompareList("resources", Resources, stored.Resources)
            ?? CompareList("decisions", Decisions, stored.Decisions)
            ?? CompareList("grants", Grants, stored.Grants)
            ?? CompareSubjects(Subjects, stored.Subjects)
            ?? CompareBytes("body", Body, stored.Body)
            ?? CompareBytes("previous_hash", PreviousHash, stored.PreviousHash)
            ?? CompareBytes("hash", Hash, stored.Hash);
    }

    private static void AddDistinct(List<string> values, string value)
    {
        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    private static string? TextOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? Compare<T>(string column, T expected, T stored) =>
        EqualityComparer<T>.Default.Equals(expected, stored) ? null : $"column {column} is {Show(stored)} where the body says {Show(expected)}";

    private static string? CompareList<T>(string column, T[] expected, T[] stored) =>
        expected.AsSpan().SequenceEqual(stored) ? null : $"column {column} is {{{string.Join(",", stored)}}} where the body says {{{string.Join(",", expected)}}}";

    private static string? CompareSubjects(byte[][] expected, byte[][] stored)
    {
        var same = expected.Length == stored.Length;
        for (var i = 0; same && i < expected.Length; i++)
        {
            same = expected[i].AsSpan().SequenceEqual(stored[i]);
        }

        return same ? null : $"column subjects holds {stored.Length} hashes that differ from the body's {expected.Length}";
    }

    private static string? CompareBytes(string column, ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> stored) =>
        expected.Span.SequenceEqual(stored.Span) ? null : $"column {column} differs from the record's";

    private static string Show(object? value) => value is null ? "null" : "'" + Convert.ToString(value, CultureInfo.InvariantCulture) + "'";
}
