using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// What one agency did with one catalogue resource on one day: the requests that named it (asked for
/// one of its fields or read it of a subject), the distinct data subjects it was read of, and the
/// fields of it denied (dry-run denials, which were served, are not denials here).
/// </summary>
internal sealed record UsageRow(string Agency, string Resource, DateOnly Day, int Requests, int DistinctSubjects, int FieldsDenied);

/// <summary>Usage per agency, resource and day, from the access records of a period.</summary>
internal static class UsageStatistics
{
    /// <summary>The rows, by day, agency, resource; records without an agency (anonymous catalogue reads) are not an agency's use.</summary>
    public static async Task<IReadOnlyList<UsageRow>> ComputeAsync(IAsyncEnumerable<ChainedRecord> records, AuditDays days, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(string Agency, string Resource, DateOnly Day), (int Requests, HashSet<string> Subjects, int Denied)>();
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var entry = record.Entry;
            if (entry.Kind != AuditKind.Access || entry.Agency is not { } agency)
            {
                continue;
            }

            var day = days.DayOf(entry.At);
            foreach (var resource in AuditColumns.Resources(entry))
            {
                var key = (agency, resource, day);
                var cell = cells.TryGetValue(key, out var found) ? found : (Requests: 0, Subjects: new HashSet<string>(StringComparer.OrdinalIgnoreCase), Denied: 0);
                cell.Requests++;
                foreach (var subject in entry.Subjects)
                {
                    if (subject.Resources.Contains(resource, StringComparer.Ordinal))
                    {
                        cell.Subjects.Add(subject.Hash);
                    }
                }

                foreach (var field in entry.Fields)
                {
                    if (field.Decision == FieldDecision.Denied && field.Resource == resource)
                    {
                        cell.Denied++;
                    }
                }

                cells[key] = cell;
            }
        }

        return
        [
            .. cells
                .Select(c => new UsageRow(c.Key.Agency, c.Key.Resource, c.Key.Day, c.Value.Requests, c.Value.Subjects.Count, c.Value.Denied))
                .OrderBy(r => r.Day)
                .ThenBy(r => r.Agency, StringComparer.Ordinal)
                .ThenBy(r => r.Resource, StringComparer.Ordinal),
        ];
    }
}
