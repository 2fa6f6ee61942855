using System.Runtime.CompilerServices;
using Federation.Gateway.Audit;

namespace Federation.Gateway.Auditing;

/// <summary>
/// The trail read from records enumerated afresh for each read — the spool directory's chained
/// records in the one-command run, which has no database. Each read walks every record: fit for a
/// laptop's trail, not a year of a city's.
/// </summary>
internal sealed class EnumeratedAuditReader(Func<IEnumerable<ChainedRecord>> records) : IAuditReader
{
    public Task<IReadOnlyList<ChainedRecord>> PageAsync(AuditFilter filter, AuditPosition? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var page = new SortedList<AuditPosition, ChainedRecord>(limit + 1);
        foreach (var record in records())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var position = AuditPosition.Of(record);
            if ((after is { } before && position.CompareTo(before) >= 0) || !filter.Matches(record))
            {
                continue;
            }

            // Keep the newest `limit`: the list is ascending, so the oldest is at 0.
            if (page.Count == limit && position.CompareTo(page.Keys[0]) <= 0)
            {
                continue;
            }

            page.TryAdd(position, record);
            if (page.Count > limit)
            {
                page.RemoveAt(0);
            }
        }

        return Task.FromResult<IReadOnlyList<ChainedRecord>>([.. page.Values.Reverse()]);
    }

    public async IAsyncEnumerable<ChainedRecord> ScanAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var found = new List<ChainedRecord>();
        foreach (var record in records())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filter.Matches(record))
            {
                found.Add(record);
            }
        }

        found.Sort((a, b) => AuditPosition.Of(a).CompareTo(AuditPosition.Of(b)));
        foreach (var record in found)
        {
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
