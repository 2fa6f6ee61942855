using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Federation.Gateway.Audit.Chain;

/// <summary>
/// The canonical body of a record — the bytes hashed into the chain and kept verbatim in every store:
/// UTF-8 JSON without insignificant white space, the properties always in the order below, null members
/// and empty lists omitted, enums as SCREAMING_SNAKE names (a fixed table, not the C# names, so renaming a
/// member cannot change what old records mean), times in UTC with microseconds
/// (<c>2026-12-07T17:25:00.123456Z</c>, PostgreSQL's precision), <see cref="AuditEntry.Detail"/> keys in
/// ordinal order. A string that is not valid UTF-16 (a lone surrogate) is written with U+FFFD in its place:
/// the body must be valid UTF-8, and no caller-supplied string may make a record impossible to write.
/// <see cref="Read"/> is strict: a body that is not exactly of this shape is a <see cref="FormatException"/>.
/// </summary>
internal static class AuditCanonicalForm
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    // The property names, in the one order they are written and read in.
    private static readonly string[] Properties =
    [
        "instance", "sequence", "at", "kind", "event", "user", "agency", "division", "purpose", "matter",
        "operationName", "documentHash", "outcome", "durationMicroseconds", "clientAddress", "requestId",
        "errorCodes", "fields", "subjects", "detail",
    ];

    private static readonly string[] FieldProperties = ["coordinate", "resource", "class", "decision", "code", "grant", "path"];

    private static readonly string[] SubjectProperties = ["kind", "hash", "resources"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Non-ASCII text (names, Chinese detail values) stays readable UTF-8; quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 8,
    };

    /// <summary>The canonical body of <paramref name="entry"/> as record <paramref name="sequence"/> of chain <paramref name="instance"/>.</summary>
    public static byte[] Write(string instance, long sequence, AuditEntry entry) =>
        Compose(InstancePrefix(instance), sequence, EntryPart(entry));

    /// <summary>
    /// The body's beginning up to the sequence: <c>{"instance":"…","sequence":</c>. The trail makes it once;
    /// with <see cref="EntryPart"/>, made by each appender on its own thread, the writer loop only joins bytes.
    /// </summary>
    public static byte[] InstancePrefix(string instance)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("instance", Valid(instance));
        }

        return [.. buffer.WrittenSpan, .. ",\"sequence\":"u8];
    }

    /// <summary>The body's members after the sequence, as <c>{"at":…}</c>: the leading brace is dropped when composed.</summary>
    public static byte[] EntryPart(AuditEntry entry) => EntryPart(entry, out _);

    /// <summary>
    /// <see cref="EntryPart(AuditEntry)"/>, saying whether a string of <paramref name="entry"/> was written
    /// otherwise than it is (a lone surrogate as U+FFFD): then the entry read back from the body differs from it.
    /// </summary>
    public static byte[] EntryPart(AuditEntry entry, out bool replaced)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Replaced = false;
        var buffer = PartBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = PartWriter;
        if (json is null)
        {
            PartWriter = json = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            json.Reset(buffer);
        }

        try
        {
            json.WriteStartObject();
            WriteMembers(json, entry);
            json.WriteEndObject();
            json.Flush();
        }
        catch
        {
            // A writer left mid-object would write the next entry wrong.
            PartWriter = null;
            throw;
        }

        replaced = Replaced;
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The canonical body from its <see cref="InstancePrefix"/>, its sequence and its <see cref="EntryPart"/>.</summary>
    public static byte[] Compose(ReadOnlySpan<byte> prefix, long sequence, ReadOnlySpan<byte> entryPart)
    {
        Span<byte> digits = stackalloc byte[20];
        if (!Utf8Formatter.TryFormat(sequence, digits, out var length))
        {
            throw new ArgumentOutOfRangeException(nameof(sequence));
        }

        var body = new byte[prefix.Length + length + entryPart.Length];
        prefix.CopyTo(body);
        digits[..length].CopyTo(body.AsSpan(prefix.Length));
        body[prefix.Length + length] = (byte)',';
        entryPart[1..].CopyTo(body.AsSpan(prefix.Length + length + 1));
        return body;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? PartBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? PartWriter;

    [ThreadStatic]
    private static bool Replaced;

    private static void WriteMembers(Utf8JsonWriter json, AuditEntry entry)
    {
        json.WriteString("at", Time(entry.At));
        json.WriteString("kind", NameOf(entry.Kind));
        Optional(json, "event", entry.Event);
        Optional(json, "user", entry.User);
        Optional(json, "agency", entry.Agency);
        Optional(json, "division", entry.Division);
        Optional(json, "purpose", entry.Purpose);
        Optional(json, "matter", entry.Matter);
        Optional(json, "operationName", entry.OperationName);
        Optional(json, "documentHash", entry.DocumentHash);
        if (entry.Outcome is { } outcome)
        {
            json.WriteString("outcome", NameOf(outcome));
        }

        json.WriteNumber("durationMicroseconds", entry.DurationMicroseconds);
        Optional(json, "clientAddress", entry.ClientAddress);
        Optional(json, "requestId", entry.RequestId);
        Strings(json, "errorCodes", entry.ErrorCodes);
        if (entry.Fields is { Count: > 0 } fields)
        {
            json.WriteStartArray("fields");
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[i];
                json.WriteStartObject();
                json.WriteString("coordinate", Valid(field.Coordinate));
                json.WriteString("resource", Valid(field.Resource));
                json.WriteString("class", Valid(field.Class));
                json.WriteString("decision", NameOf(field.Decision));
                Optional(json, "code", field.Code);
                if (field.Grant is { } grant)
                {
                    json.WriteString("grant", grant.ToString("D"));
                }

                Optional(json, "path", field.Path);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (entry.Subjects is { Count: > 0 } subjects)
        {
            json.WriteStartArray("subjects");
            for (var i = 0; i < subjects.Count; i++)
            {
                var subject = subjects[i];
                json.WriteStartObject();
                json.WriteString("kind", Valid(subject.Kind));
                json.WriteString("hash", Valid(subject.Hash));
                Strings(json, "resources", subject.Resources);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (entry.Detail is { Count: > 0 } detail)
        {
            json.WriteStartObject("detail");
            foreach (var name in detail.Keys.Order(StringComparer.Ordinal))
            {
                if (detail[name] is { } value)
                {
                    json.WriteString(Valid(name), Valid(value));
                }
                else
                {
                    json.WriteNull(Valid(name));
                }
            }

            json.WriteEndObject();
        }

    }

    /// <summary>The instance, sequence and entry of a canonical body.</summary>
    /// <exception cref="FormatException">The body is not a canonical body: not JSON, a member missing, unknown, repeated, out of order or of the wrong type.</exception>
    public static (string Instance, long Sequence, AuditEntry Entry) Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return ReadBody(body);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The audit record body is not JSON: " + exception.Message, exception);
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader's typed getters throw this for a value of another JSON type.
            throw new FormatException("The audit record body has a member of the wrong type: " + exception.Message, exception);
        }
    }

    /// <summary>The time as the canonical form writes it: UTC, microseconds.</summary>
    public static string Time(DateTimeOffset at) => Microseconds(at).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary><paramref name="at"/> in UTC, cut to whole microseconds: what a record's time is once written.</summary>
    public static DateTimeOffset Microseconds(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// <paramref name="entry"/> with the time it reads back with: UTC, cut to microseconds. The trail keeps
    /// this in <see cref="ChainedRecord.Entry"/>, so what it hands back is what the stores give.
    /// </summary>
    public static AuditEntry Normalize(AuditEntry entry) => entry.At == Microseconds(entry.At) && entry.At.Offset == TimeSpan.Zero
        ? entry
        : entry with { At = Microseconds(entry.At) };

    public static string NameOf(AuditKind kind) => kind switch
    {
        AuditKind.Access => "ACCESS",
        AuditKind.ShareEvent => "SHARE_EVENT",
        AuditKind.Reload => "RELOAD",
        AuditKind.AuditRead => "AUDIT_READ",
        AuditKind.CacheEviction => "CACHE_EVICTION",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An audit kind with no canonical name."),
    };

    public static string NameOf(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Served => "SERVED",
        AuditOutcome.PartlyDenied => "PARTLY_DENIED",
        AuditOutcome.Refused => "REFUSED",
        AuditOutcome.Failed => "FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An audit outcome with no canonical name."),
    };

    public static string NameOf(FieldDecision decision) => decision switch
    {
        FieldDecision.Allowed => "ALLOWED",
        FieldDecision.AllowedWithinDivision => "ALLOWED_WITHIN_DIVISION",
        FieldDecision.Denied => "DENIED",
        FieldDecision.DryRunDenied => "DRY_RUN_DENIED",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "A field decision with no canonical name."),
    };

    public static AuditKind KindNamed(string name) => KindNamedOrNull(name) ?? throw Malformed($"unknown kind \"{name}\"");

    /// <summary>The kind <paramref name="name"/> spells; null for any other name (a reading filter's value).</summary>
    public static AuditKind? KindNamedOrNull(string? name) => name switch
    {
        "ACCESS" => AuditKind.Access,
        "SHARE_EVENT" => AuditKind.ShareEvent,
        "RELOAD" => AuditKind.Reload,
        "AUDIT_READ" => AuditKind.AuditRead,
        "CACHE_EVICTION" => AuditKind.CacheEviction,
        _ => null,
    };

    public static AuditOutcome OutcomeNamed(string name) => name switch
    {
        "SERVED" => AuditOutcome.Served,
        "PARTLY_DENIED" => AuditOutcome.PartlyDenied,
        "REFUSED" => AuditOutcome.Refused,
        "FAILED" => AuditOutcome.Failed,
        _ => throw Malformed($"unknown outcome \"{name}\""),
    };

    public static FieldDecision DecisionNamed(string name) => DecisionNamedOrNull(name) ?? throw Malformed($"unknown decision \"{name}\"");

    /// <summary>The decision <paramref name="name"/> spells; null for any other name (a reading filter's value).</summary>
    public static FieldDecision? DecisionNamedOrNull(string? name) => name switch
    {
        "ALLOWED" => FieldDecision.Allowed,
        "ALLOWED_WITHIN_DIVISION" => FieldDecision.AllowedWithinDivision,
        "DENIED" => FieldDecision.Denied,
        "DRY_RUN_DENIED" => FieldDecision.DryRunDenied,
        _ => null,
    };

    private static (string Instance, long Sequence, AuditEntry Entry) ReadBody(ReadOnlySpan<byte> body)
    {
        var json = new Utf8JsonReader(body, ReaderOptions);
        Expect(ref json, JsonTokenType.StartObject);
        string? instance = null;
        long? sequence = null;
        DateTimeOffset? at = null;
        AuditKind? kind = null;
        string? eventName = null, user = null, agency = null, division = null, purpose = null, matter = null;
        string? operationName = null, documentHash = null, clientAddress = null, requestId = null;
        AuditOutcome? outcome = null;
        long? duration = null;
        IReadOnlyList<string> errorCodes = [];
        IReadOnlyList<AuditedField> fields = [];
        IReadOnlyList<AuditedSubject> subjects = [];
        Dictionary<string, string?>? detail = null;
        var last = -1;
        while (Next(ref json) != JsonTokenType.EndObject)
        {
            var index = PropertyIndex(ref json, Properties, ref last);
            switch (Properties[index])
            {
                case "instance": instance = String(ref json); break;
                case "sequence": sequence = Number(ref json); break;
                case "at": at = TimeOf(String(ref json)); break;
                case "kind": kind = KindNamed(String(ref json)); break;
                case "event": eventName = String(ref json); break;
                case "user": user = String(ref json); break;
                case "agency": agency = String(ref json); break;
                case "division": division = String(ref json); break;
                case "purpose": purpose = String(ref json); break;
                case "matter": matter = String(ref json); break;
                case "operationName": operationName = String(ref json); break;
                case "documentHash": documentHash = String(ref json); break;
                case "outcome": outcome = OutcomeNamed(String(ref json)); break;
                case "durationMicroseconds": duration = Number(ref json); break;
                case "clientAddress": clientAddress = String(ref json); break;
                case "requestId": requestId = String(ref json); break;
                case "errorCodes": errorCodes = Strings(ref json); break;
                case "fields": fields = Fields(ref json); break;
                case "subjects": subjects = Subjects(ref json); break;
                default: detail = Detail(ref json); break;
            }
        }

        // The reader itself refuses anything but white space after the object.
        json.Read();
        if (instance is null || sequence is null || at is null || kind is null || duration is null)
        {
            throw Malformed("instance, sequence, at, kind and durationMicroseconds are required");
        }

        var entry = new AuditEntry
        {
            At = at.Value,
            Kind = kind.Value,
            Event = eventName,
            User = user,
            Agency = agency,
            Division = division,
            Purpose = purpose,
            Matter = matter,
            OperationName = operationName,
            DocumentHash = documentHash,
            Outcome = outcome,
            DurationMicroseconds = duration.Value,
            ClientAddress = clientAddress,
            RequestId = requestId,
            ErrorCodes = errorCodes,
            Fields = fields,
            Subjects = subjects,
        };
        return (instance, sequence.Value, detail is null ? entry : entry with { Detail = detail });
    }

    private static AuditedField[] Fields(ref Utf8JsonReader json)
    {
        var fields = new List<AuditedField>();
        Expect(ref json, JsonTokenType.StartArray);
        while (Next(ref json) != JsonTokenType.EndArray)
        {
            Current(ref json, JsonTokenType.StartObject);
            string? coordinate = null, resource = null, @class = null, code = null, path = null;
            FieldDecision? decision = null;
            Guid? grant = null;
            var last = -1;
            while (Next(ref json) != JsonTokenType.EndObject)
            {
                switch (FieldProperties[PropertyIndex(ref json, FieldProperties, ref last)])
                {
                    case "coordinate": coordinate = String(ref json); break;
                    case "resource": resource = String(ref json); break;
                    case "class": @class = String(ref json); break;
                    case "decision": decision = DecisionNamed(String(ref json)); break;
                    case "code": code = String(ref json); break;
                    case "grant": grant = GuidOf(String(ref json)); break;
                    default: path = String(ref json); break;
                }
            }

            if (coordinate is null || resource is null || @class is null || decision is null)
            {
                throw Malformed("a field needs coordinate, resource, class and decision");
            }

            fields.Add(new AuditedField(coordinate, resource, @class, decision.Value, code, grant, path));
        }

        return Nonempty(fields.ToArray(), "fields");
    }

    private static AuditedSubject[] Subjects(ref Utf8JsonReader json)
    {
        var subjects = new List<AuditedSubject>();
        Expect(ref json, JsonTokenType.StartArray);
        while (Next(ref json) != JsonTokenType.EndArray)
        {
            Current(ref json, JsonTokenType.StartObject);
            string? kind = null, hash = null;
            IReadOnlyList<string> resources = [];
            var last = -1;
            while (Next(ref json) != JsonTokenType.EndObject)
            {
                switch (SubjectProperties[PropertyIndex(ref json, SubjectProperties, ref last)])
                {
                    case "kind": kind = String(ref json); break;
                    case "hash": hash = String(ref json); break;
                    default: resources = Strings(ref json); break;
                }
            }

            if (kind is null || hash is null)
            {
                throw Malformed("a subject needs kind and hash");
            }

            subjects.Add(new AuditedSubject(kind, hash, resources));
        }

        return Nonempty(subjects.ToArray(), "subjects");
    }

    private static Dictionary<string, string?> Detail(ref Utf8JsonReader json)
    {
        var detail = new Dictionary<string, string?>(StringComparer.Ordinal);
        Expect(ref json, JsonTokenType.StartObject);
        string? previous = null;
        while (Next(ref json) != JsonTokenType.EndObject)
        {
            Current(ref json, JsonTokenType.PropertyName);
            var name = json.GetString()!;
            if (previous is not null && string.CompareOrdinal(previous, name) >= 0)
            {
                throw Malformed("detail names out of order or repeated");
            }

            previous = name;
            detail[name] = Next(ref json) == JsonTokenType.Null ? null : StringValue(ref json);
        }

        return detail.Count > 0 ? detail : throw Malformed("an empty detail is omitted, not written");
    }

    private static string[] Strings(ref Utf8JsonReader json)
    {
        var values = new List<string>();
        Expect(ref json, JsonTokenType.StartArray);
        while (Next(ref json) != JsonTokenType.EndArray)
        {
            values.Add(StringValue(ref json));
        }

        return Nonempty(values.ToArray(), "a list");
    }

    private static T[] Nonempty<T>(T[] values, string what) =>
        values.Length > 0 ? values : throw Malformed($"an empty {what} is omitted, not written");

    /// <summary>The index of the property the reader is at in <paramref name="names"/>, which must come after <paramref name="last"/>.</summary>
    private static int PropertyIndex(ref Utf8JsonReader json, string[] names, ref int last)
    {
        Current(ref json, JsonTokenType.PropertyName);
        for (var i = last + 1; i < names.Length; i++)
        {
            if (json.ValueTextEquals(names[i]))
            {
                last = i;
                return i;
            }
        }

        throw Malformed($"the member \"{json.GetString()}\" is unknown, repeated or out of order");
    }

    private static string String(ref Utf8JsonReader json)
    {
        Next(ref json);
        return StringValue(ref json);
    }

    private static string StringValue(ref Utf8JsonReader json)
    {
        Current(ref json, JsonTokenType.String);
        return json.GetString()!;
    }

    private static long Number(ref Utf8JsonReader json)
    {
        Next(ref json);
        Current(ref json, JsonTokenType.Number);
        return json.TryGetInt64(out var value) ? value : throw Malformed("a number that is not a 64-bit integer");
    }

    private static DateTimeOffset TimeOf(string text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : throw Malformed($"the time \"{text}\" is not UTC with microseconds");

    private static Guid GuidOf(string text) =>
        Guid.TryParseExact(text, "D", out var grant) && grant.ToString("D") == text
            ? grant
            : throw Malformed($"the grant \"{text}\" is not a lower-case UUID");

    private static JsonTokenType Next(ref Utf8JsonReader json) =>
        json.Read() ? json.TokenType : throw Malformed("the body ends early");

    private static void Expect(ref Utf8JsonReader json, JsonTokenType type)
    {
        Next(ref json);
        Current(ref json, type);
    }

    private static void Current(ref Utf8JsonReader json, JsonTokenType type)
    {
        if (json.TokenType != type)
        {
            throw Malformed($"{type} expected, {json.TokenType} found");
        }
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, Valid(value));
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        json.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            json.WriteStringValue(Valid(values[i]));
        }

        json.WriteEndArray();
    }

    /// <summary><paramref name="text"/>, with U+FFFD for each lone surrogate (rare: only then is a copy made).</summary>
    private static string Valid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                var valid = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
                Replaced |= !string.Equals(valid, text, StringComparison.Ordinal);
                return valid;
            }
        }

        return text;
    }

    private static FormatException Malformed(string reason) => new("The audit record body is malformed: " + reason + ".");
}
