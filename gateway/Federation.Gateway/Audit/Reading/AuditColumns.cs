namespace Federation.Gateway.Audit.Reading;

/// <summary>
/// What the searched columns of <c>records</c> (<see cref="Storage.AuditMigrations"/>) hold for an
/// entry, beside its canonical body: the one definition the readers filter by, the store writes, and
/// the tests insert with. <c>resources</c> is every catalogue resource the record names — of its fields
/// and of its subjects —, <c>decisions</c> the distinct decisions of its fields, <c>grants</c> the
/// distinct grants, <c>subjects</c> the distinct subject hashes (32 bytes each).
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

    public static string[] Decisions(AuditEntry entry) =>
        [.. entry.Fields.Select(f => AuditWireNames.Of(f.Decision)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static Guid[] Grants(AuditEntry entry) =>
        [.. entry.Fields.Where(f => f.Grant is not null).Select(f => f.Grant!.Value).Distinct().Order()];

    public static byte[][] Subjects(AuditEntry entry) =>
        [.. entry.Subjects.Select(s => s.Hash).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Convert.FromHexString)];

    /// <summary>The time as PostgreSQL keeps it (microseconds): the position a record has in every store.</summary>
    public static DateTimeOffset At(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
}
