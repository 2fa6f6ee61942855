using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// Which records an auditor asks for; every condition given must hold (all records when none is).
/// <see cref="Subject"/> is the keyed hash of a data subject's identifier, never the identifier:
/// the reading API hashes it on the way in. <see cref="From"/> is inclusive, <see cref="Until"/>
/// exclusive. <see cref="Matches"/> is the one definition of what each condition means; the
/// PostgreSQL reader asks the same of the searched columns (<see cref="AuditColumns"/>).
/// </summary>
internal sealed record AuditFilter
{
    public static readonly AuditFilter All = new();

    public string? Agency { get; init; }

    public string? User { get; init; }

    /// <summary>A catalogue resource the record names: one of its fields' or of its subjects'.</summary>
    public string? Resource { get; init; }

    /// <summary>A data subject's keyed hash, 64 lower-case hex digits.</summary>
    public string? Subject { get; init; }

    /// <summary>A decision one of the record's fields had.</summary>
    public FieldDecision? Decision { get; init; }

    /// <summary>The declared purpose's wire name.</summary>
    public string? Purpose { get; init; }

    public string? Matter { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? Until { get; init; }

    public AuditKind? Kind { get; init; }

    public string? Event { get; init; }

    public bool Matches(ChainedRecord record)
    {
        var entry = record.Entry;
        var at = AuditColumns.At(entry.At);
        return (Agency is null || entry.Agency == Agency)
            && (User is null || entry.User == User)
            && (Purpose is null || entry.Purpose == Purpose)
            && (Matter is null || entry.Matter == Matter)
            && (Kind is null || entry.Kind == Kind)
            && (Event is null || entry.Event == Event)
            && (From is null || at >= From.Value)
            && (Until is null || at < Until.Value)
            && (Decision is null || entry.Fields.Any(f => f.Decision == Decision))
            && (Resource is null || entry.Fields.Any(f => f.Resource == Resource) || entry.Subjects.Any(s => s.Resources.Contains(Resource, StringComparer.Ordinal)))
            && (Subject is null || entry.Subjects.Any(s => string.Equals(s.Hash, Subject, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The conditions given, name → value, for the record of the read (<see cref="AuditEntry.Detail"/>): the subject only as its hash.</summary>
    public IReadOnlyDictionary<string, string?> Describe()
    {
        var detail = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Add(detail, "agency", Agency);
        Add(detail, "user", User);
        Add(detail, "resource", Resource);
        Add(detail, "subjectHash", Subject);
        Add(detail, "decision", Decision is { } decision ? AuditWireNames.Of(decision) : null);
        Add(detail, "purpose", Purpose);
        Add(detail, "matter", Matter);
        Add(detail, "from", From?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(detail, "until", Until?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(detail, "kind", Kind is { } kind ? AuditWireNames.Of(kind) : null);
        Add(detail, "event", Event);
        return detail;
    }

    /// <summary>A digest of the conditions: a cursor is valid for the filter it was given for only.</summary>
    public byte[] Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Describe())
        {
            // Lengths before values: no two filters spell the same text.
            text.Append(name).Append(':').Append(value!.Length).Append(':').Append(value).Append(';');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void Add(SortedDictionary<string, string?> detail, string name, string? value)
    {
        if (value is not null)
        {
            detail[name] = value;
        }
    }
}
