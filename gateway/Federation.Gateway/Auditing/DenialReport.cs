using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>What an unusual-volume flag measured.</summary>
internal enum UnusualVolumeRule
{
    /// <summary>The distinct data subjects an agency read in a day.</summary>
    DistinctSubjects,

    /// <summary>The fields an agency had denied in a day: a burst of attempts beyond its rights.</summary>
    DeniedFields,
}

/// <summary>
/// A day an agency went beyond its usual volume: <see cref="Observed"/> exceeded
/// <see cref="Threshold"/>, the factor times its median of the <see cref="AuditReadingOptions.BaselineDays"/>
/// days before (days without records count as zero; a median below one counts as one, so an agency that
/// usually reads nothing is flagged once it reads more than the factor in a day).
/// </summary>
internal sealed record UnusualVolume(string Agency, DateOnly Day, UnusualVolumeRule Rule, int Observed, double Median, double Threshold);

/// <summary>A count by name (a denial code, a resource).</summary>
internal readonly record struct NamedCount(string Name, int Count);

/// <summary>
/// One agency's attempts to read beyond its rights in a period (Ningbo art. 23): fields denied, the
/// requests they were in, requests refused as a whole, by code and by resource, and its flagged days.
/// </summary>
internal sealed record AgencyDenials(
    string Agency,
    int DeniedFields,
    int RequestsWithDenials,
    int RefusedRequests,
    IReadOnlyList<NamedCount> ByCode,
    IReadOnlyList<NamedCount> ByResource,
    IReadOnlyList<UnusualVolume> Flags);

/// <summary>Denials per agency and the unusual-volume rule, over the access records of a period and the baseline days before it.</summary>
internal static class DenialReport
{
    /// <param name="records">The access records from <see cref="AuditReadingOptions.BaselineDays"/> days before <paramref name="from"/> to <paramref name="until"/>.</param>
    /// <returns>Every agency with a denial, a refusal or a flag in the period, by agency code.</returns>
    public static async Task<IReadOnlyList<AgencyDenials>> ComputeAsync(
        IAsyncEnumerable<ChainedRecord> records, DateOnly from, DateOnly until, double factor, AuditDays days, CancellationToken cancellationToken)
    {
        var daily = new Dictionary<(string Agency, DateOnly Day), (HashSet<string> Subjects, int Denied)>();
        var totals = new SortedDictionary<string, Totals>(StringComparer.Ordinal);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var entry = record.Entry;
            if (entry.Kind != AuditKind.Access || entry.Agency is not { } agency)
            {
                continue;
            }

            var day = days.DayOf(entry.At);
            var denied = 0;
            var cell = daily.TryGetValue((agency, day), out var found) ? found : (Subjects: new HashSet<string>(StringComparer.OrdinalIgnoreCase), Denied: 0);
            foreach (var subject in entry.Subjects)
            {
                cell.Subjects.Add(subject.Hash);
            }

            foreach (var field in entry.Fields)
            {
                if (field.Decision == FieldDecision.Denied)
                {
                    denied++;
                }
            }

            cell.Denied += denied;
            daily[(agency, day)] = cell;
            if (day < from || day >= until)
            {
                continue;
            }

            var total = totals.TryGetValue(agency, out var t) ? t : totals[agency] = new Totals();
            total.DeniedFields += denied;
            total.RequestsWithDenials += denied > 0 ? 1 : 0;
            total.RefusedRequests += entry.Outcome == AuditOutcome.Refused ? 1 : 0;
            foreach (var field in entry.Fields)
            {
                if (field.Decision == FieldDecision.Denied)
                {
                    Count(total.ByCode, field.Code ?? "");
                    Count(total.ByResource, field.Resource);
                }
            }
        }

        var report = new List<AgencyDenials>();
        foreach (var agency in totals.Keys.Union(daily.Keys.Select(k => k.Agency)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var flags = new List<UnusualVolume>();
            for (var day = from; day < until; day = day.AddDays(1))
            {
                if (!daily.TryGetValue((agency, day), out var today))
                {
                    continue;
                }

                Flag(flags, agency, day, UnusualVolumeRule.DistinctSubjects, today.Subjects.Count, factor, d => daily.TryGetValue((agency, d), out var c) ? c.Subjects.Count : 0);
                Flag(flags, agency, day, UnusualVolumeRule.DeniedFields, today.Denied, factor, d => daily.TryGetValue((agency, d), out var c) ? c.Denied : 0);
            }

            var total = totals.GetValueOrDefault(agency);
            if (flags.Count == 0 && (total is null || (total.DeniedFields == 0 && total.RefusedRequests == 0)))
            {
                continue;
            }

            total ??= new Totals();
            report.Add(new AgencyDenials(agency, total.DeniedFields, total.RequestsWithDenials, total.RefusedRequests, Sorted(total.ByCode), Sorted(total.ByResource), flags));
        }

        return report;
    }

    /// <summary>The median of the <see cref="AuditReadingOptions.BaselineDays"/> days before <paramref name="day"/>.</summary>
    public static double Median(DateOnly day, Func<DateOnly, int> countOn)
    {
        var counts = new int[AuditReadingOptions.BaselineDays];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = countOn(day.AddDays(-(i + 1)));
        }

        Array.Sort(counts);
        var middle = counts.Length / 2;
        return counts.Length % 2 == 1 ? counts[middle] : (counts[middle - 1] + counts[middle]) / 2.0;
    }

    private static void Flag(List<UnusualVolume> flags, string agency, DateOnly day, UnusualVolumeRule rule, int observed, double factor, Func<DateOnly, int> countOn)
    {
        if (observed == 0)
        {
            return;
        }

        var median = Median(day, countOn);
        var threshold = factor * Math.Max(median, 1);
        if (observed > threshold)
        {
            flags.Add(new UnusualVolume(agency, day, rule, observed, median, threshold));
        }
    }

    private static void Count(Dictionary<string, int> counts, string name) => counts[name] = counts.GetValueOrDefault(name) + 1;

    private static List<NamedCount> Sorted(Dictionary<string, int> counts) =>
        [.. counts.Select(c => new NamedCount(c.Key, c.Value)).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];

    private sealed class Totals
    {
        public int DeniedFields;
        public int RequestsWithDenials;
        public int RefusedRequests;
        public readonly Dictionary<string, int> ByCode = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> ByResource = new(StringComparer.Ordinal);
    }
}
