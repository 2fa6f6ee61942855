using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// One access to a data subject's data: the record, the catalogue resources read of this subject,
/// and the grant under which each conditional one was read (none for unconditional reads).
/// </summary>
internal sealed record SubjectAccess(ChainedRecord Record, IReadOnlyList<string> Resources, IReadOnlyList<SubjectGrant> Grants)
{
    /// <summary>What <paramref name="record"/> read of the subject whose hash is <paramref name="subjectHash"/>.</summary>
    public static SubjectAccess Of(ChainedRecord record, string subjectHash)
    {
        var resources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var subject in record.Entry.Subjects)
        {
            if (string.Equals(subject.Hash, subjectHash, StringComparison.OrdinalIgnoreCase))
            {
                resources.UnionWith(subject.Resources);
            }
        }

        var grants = new SortedSet<SubjectGrant>(Comparer<SubjectGrant>.Create((a, b) =>
            string.CompareOrdinal(a.Resource, b.Resource) is var c and not 0 ? c : a.Grant.CompareTo(b.Grant)));
        foreach (var field in record.Entry.Fields)
        {
            if (field.Grant is { } grant && resources.Contains(field.Resource))
            {
                grants.Add(new SubjectGrant(field.Resource, grant));
            }
        }

        return new SubjectAccess(record, [.. resources], [.. grants]);
    }
}

/// <summary>A grant a resource was read under.</summary>
internal readonly record struct SubjectGrant(string Resource, Guid Grant);

/// <summary>One agency that read a subject's data in the period: when first and last, how often, which resources.</summary>
internal sealed record SubjectReader(string Agency, DateTimeOffset First, DateTimeOffset Last, int Requests, IReadOnlyList<string> Resources)
{
    /// <summary>Per agency, from the subject's access records (oldest first), by agency code.</summary>
    public static async Task<IReadOnlyList<SubjectReader>> OfAsync(IAsyncEnumerable<ChainedRecord> records, string subjectHash, CancellationToken cancellationToken)
    {
        var byAgency = new SortedDictionary<string, (DateTimeOffset First, DateTimeOffset Last, int Requests, SortedSet<string> Resources)>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var agency = record.Entry.Agency ?? "";
            var access = SubjectAccess.Of(record, subjectHash);
            var at = AuditColumns.At(record.Entry.At);
            if (byAgency.TryGetValue(agency, out var seen))
            {
                seen.Resources.UnionWith(access.Resources);
                byAgency[agency] = (at < seen.First ? at : seen.First, at > seen.Last ? at : seen.Last, seen.Requests + 1, seen.Resources);
            }
            else
            {
                byAgency[agency] = (at, at, 1, new SortedSet<string>(access.Resources, StringComparer.Ordinal));
            }
        }

        return [.. byAgency.Select(a => new SubjectReader(a.Key, a.Value.First, a.Value.Last, a.Value.Requests, [.. a.Value.Resources]))];
    }
}
