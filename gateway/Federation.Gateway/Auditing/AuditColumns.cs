using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// What the reading API counts a record by, the same in every store: the catalogue resources it names —
/// of its fields and of its subjects, as the <c>resources</c> column holds them
/// (<see cref="Audit.Storage.AuditRecordColumns"/>) — and its time to the microsecond, as PostgreSQL keeps it.
/// </summary>
internal static class AuditColumns
{
    public static string[] Resources(AuditEntry entry)
    {
        var resources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in entry.Fields)
        {
            resources.Add(field.Resource);
        }

        foreach (var subject in entry.Subjects)
        {
            resources.UnionWith(subject.Resources);
        }

        return [.. resources];
    }

    /// <summary>The time as PostgreSQL keeps it (microseconds): the position a record has in every store.</summary>
    public static DateTimeOffset At(DateTimeOffset at) => Audit.Chain.AuditCanonicalForm.Microseconds(at);
}
