using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.LegalPersons.Domain;

namespace Federation.Subgraphs.LegalPersons.Store;

/// <summary>
/// The embedded default: the register held in memory, sorted by credit code, with the same
/// behaviour as the PostgreSQL store. Readers see immutable snapshots; corrections replace a record
/// under a lock and publish their change event once applied.
/// </summary>
internal sealed class InMemoryLegalPersonStore(IChangeEventPublisher publisher, TimeProvider clock) : ILegalPersonStore
{
    private readonly Lock gate = new();
    private SortedDictionary<string, LegalPerson> byCode = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlyList<Shareholding>> shareholders = new(StringComparer.Ordinal);
    private Dictionary<string, IReadOnlyList<AnnualReport>> annualReports = new(StringComparer.Ordinal);
    private LegalPerson[] ordered = [];
    private Dictionary<string, LegalPerson[]> byRepresentative = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, LegalPerson>> FindAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken)
    {
        var snapshot = byCode;
        var found = new Dictionary<string, LegalPerson>(creditCodes.Count, StringComparer.Ordinal);
        foreach (var code in creditCodes)
        {
            if (snapshot.TryGetValue(code, out var legalPerson))
            {
                found[code] = legalPerson;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, LegalPerson>>(found);
    }

    public Task<Page<LegalPerson>> ListAsync(LegalPersonFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        Task.FromResult(PageOf(ordered, filter.Matches, page));

    public Task<IReadOnlyDictionary<string, Page<LegalPerson>>> RepresentedAsync(
        IReadOnlyList<string> idNumbers,
        IReadOnlyList<LegalPersonStatus>? statuses,
        string? callerDivisionPrefix,
        PageRequest page,
        CancellationToken cancellationToken)
    {
        var snapshot = byRepresentative;
        var pages = new Dictionary<string, Page<LegalPerson>>(idNumbers.Count, StringComparer.Ordinal);
        foreach (var idNumber in idNumbers)
        {
            pages[idNumber] = PageOf(snapshot.GetValueOrDefault(idNumber, []), l => (statuses is null || statuses.Contains(l.Status))
                && (callerDivisionPrefix is null || l.DivisionCode.StartsWith(callerDivisionPrefix, StringComparison.Ordinal)), page);
        }

        return Task.FromResult<IReadOnlyDictionary<string, Page<LegalPerson>>>(pages);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Shareholding>>> ShareholdersAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken) =>
        Task.FromResult(Lists(shareholders, creditCodes));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<AnnualReport>>> AnnualReportsAsync(IReadOnlyList<string> creditCodes, CancellationToken cancellationToken) =>
        Task.FromResult(Lists(annualReports, creditCodes));

    public async Task<Correction> CorrectAsync(LegalPersonCorrection correction, CancellationToken cancellationToken)
    {
        Correction result;
        var now = LegalPersonChange.Now(clock);
        lock (gate)
        {
            var current = byCode.TryGetValue(correction.CreditCode, out var found) ? found : throw LegalPersonErrorCodes.LegalPersonNotFound(correction.CreditCode);
            result = correction.Apply(current, now);
            if (result.Changed)
            {
                Replace(result.LegalPerson);
            }
        }

        if (result.Changed)
        {
            await publisher.PublishAsync(correction.Event(result, now), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public async Task<Correction> CorrectShareholdersAsync(ShareholdersCorrection correction, CancellationToken cancellationToken)
    {
        Correction result;
        var now = LegalPersonChange.Now(clock);
        lock (gate)
        {
            var current = byCode.TryGetValue(correction.CreditCode, out var found) ? found : throw LegalPersonErrorCodes.LegalPersonNotFound(correction.CreditCode);
            result = correction.Apply(current, shareholders.GetValueOrDefault(correction.CreditCode, []), now);
            if (result.Changed)
            {
                shareholders = new Dictionary<string, IReadOnlyList<Shareholding>>(shareholders, StringComparer.Ordinal)
                {
                    [correction.CreditCode] = correction.Shareholders,
                };
                Replace(result.LegalPerson);
            }
        }

        if (result.Changed)
        {
            await publisher.PublishAsync(correction.Event(result, now), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(ordered.Length);

    public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LoadAsync(IEnumerable<LegalPersonFile> files, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var nextByCode = new SortedDictionary<string, LegalPerson>(byCode, StringComparer.Ordinal);
            var nextShareholders = new Dictionary<string, IReadOnlyList<Shareholding>>(shareholders, StringComparer.Ordinal);
            var nextReports = new Dictionary<string, IReadOnlyList<AnnualReport>>(annualReports, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var code = file.LegalPerson.CreditCode;
                nextByCode[code] = file.LegalPerson;
                nextShareholders[code] = file.Shareholders;
                nextReports[code] = [.. file.AnnualReports.OrderByDescending(r => r.Year)];
            }

            shareholders = nextShareholders;
            annualReports = nextReports;
            Publish(nextByCode);
        }

        return Task.CompletedTask;
    }

    private void Replace(LegalPerson legalPerson)
    {
        Publish(new SortedDictionary<string, LegalPerson>(byCode, StringComparer.Ordinal) { [legalPerson.CreditCode] = legalPerson });
    }

    /// <summary>Swaps in the new register with its credit-code order and its representatives' index.</summary>
    private void Publish(SortedDictionary<string, LegalPerson> next)
    {
        var nextOrdered = next.Values.ToArray();
        byRepresentative = nextOrdered.Where(l => l.RepresentativeIdNumber is not null)
            .GroupBy(l => l.RepresentativeIdNumber!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        ordered = nextOrdered;
        byCode = next;
    }

    private static Page<LegalPerson> PageOf(LegalPerson[] snapshot, Func<LegalPerson, bool> matches, PageRequest page)
    {
        var after = page.After?[0];
        var start = 0;
        if (after is not null)
        {
            start = Array.BinarySearch(snapshot, after, AfterComparer.Instance);
            start = start < 0 ? ~start : start + 1;
        }

        var rows = new List<LegalPerson>(Math.Min(page.First + 1, 101));
        var total = 0;
        for (var i = 0; i < snapshot.Length; i++)
        {
            if (!matches(snapshot[i]))
            {
                continue;
            }

            total++;
            if (i >= start && rows.Count <= page.First)
            {
                rows.Add(snapshot[i]);
            }
        }

        return Page<LegalPerson>.FromRows(rows, page, total);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<T>> Lists<T>(Dictionary<string, IReadOnlyList<T>> source, IReadOnlyList<string> creditCodes)
    {
        var lists = new Dictionary<string, IReadOnlyList<T>>(creditCodes.Count, StringComparer.Ordinal);
        foreach (var code in creditCodes)
        {
            lists[code] = source.GetValueOrDefault(code, []);
        }

        return lists;
    }

    /// <summary>Compares a legal person's credit code with the cursor's, for the binary search.</summary>
    private sealed class AfterComparer : System.Collections.IComparer
    {
        public static readonly AfterComparer Instance = new();

        public int Compare(object? x, object? y) => string.CompareOrdinal(Code(x), Code(y));

        private static string? Code(object? value) => value as string ?? (value as LegalPerson)?.CreditCode;
    }
}
