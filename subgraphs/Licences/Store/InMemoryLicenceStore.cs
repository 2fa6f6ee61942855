using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Licences.Corrections;
using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Store;

/// <summary>
/// The embedded default: the library in memory, kept in list order and indexed by holder, with
/// the behaviour of the PostgreSQL store. Changes publish their event straight after applying.
/// </summary>
internal sealed class InMemoryLicenceStore(IChangeEventPublisher publisher) : ILicenceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Licence> byNumber = new(StringComparer.Ordinal);
    private readonly SortedSet<LicenceOrder> ordered = [];
    private readonly Dictionary<LicenceHolder, SortedSet<LicenceOrder>> byHolder = [];

    /// <summary>Adds or replaces licences as they are, seal included (seeding, and tests that tamper with a record behind the library's back).</summary>
    public void Put(IEnumerable<Licence> licences)
    {
        lock (gate)
        {
            foreach (var licence in licences)
            {
                Remove(licence.Number);
                byNumber[licence.Number] = licence;
                ordered.Add(LicenceOrder.Of(licence));
                if (!byHolder.TryGetValue(licence.Holder, out var held))
                {
                    byHolder[licence.Holder] = held = [];
                }

                held.Add(LicenceOrder.Of(licence));
            }
        }
    }

    public ValueTask<IReadOnlyDictionary<string, Licence>> FindAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Licence>(numbers.Count, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var number in numbers)
            {
                if (byNumber.TryGetValue(number, out var licence))
                {
                    found[number] = licence;
                }
            }
        }

        return new(found);
    }

    public ValueTask<Page<Licence>> ListAsync(LicenceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return new(PageOf(ordered, filter, page));
        }
    }

    public ValueTask<IReadOnlyDictionary<string, Page<Licence>>> ListByHoldersAsync(
        HolderKind kind, IReadOnlyList<string> holderKeys, LicenceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<string, Page<Licence>>(holderKeys.Count, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var key in holderKeys)
            {
                pages[key] = byHolder.TryGetValue(new LicenceHolder(kind, key), out var held)
                    ? PageOf(held, filter, page)
                    : new Page<Licence>([], false, 0);
            }
        }

        return new(pages);
    }

    public async ValueTask<LicenceChange> ChangeAsync(string number, Func<Licence, LicenceChange> change, string reason, CancellationToken cancellationToken)
    {
        LicenceChange applied;
        lock (gate)
        {
            if (!byNumber.TryGetValue(number, out var current))
            {
                throw LicenceErrorCodes.LicenceNotFound(number);
            }

            applied = change(current);
            if (applied.Changed)
            {
                Put([applied.Licence]);
            }
        }

        if (applied.Changed)
        {
            await publisher.PublishAsync(
                new ChangeEvent(Licences.Schema.LicencesSubgraph.Name, "Licence", number, applied.ChangedFields, reason, applied.Licence.UpdatedAt),
                cancellationToken).ConfigureAwait(false);
        }

        return applied;
    }

    public ValueTask<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return new(byNumber.Count == 0);
        }
    }

    /// <summary>Filters in list order from the cursor on; the total counts every match. Call under the lock.</summary>
    private Page<Licence> PageOf(SortedSet<LicenceOrder> positions, LicenceFilter filter, PageRequest page)
    {
        var after = LicenceOrder.After(page);
        var rows = new List<Licence>(page.First + 1);
        var total = 0;
        foreach (var position in positions)
        {
            var licence = byNumber[position.Number];
            if (!filter.Matches(licence))
            {
                continue;
            }

            total++;
            if (rows.Count <= page.First && (after is null || position.CompareTo(after.Value) > 0))
            {
                rows.Add(licence);
            }
        }

        return Page<Licence>.FromRows(rows, page, total);
    }

    private void Remove(string number)
    {
        if (!byNumber.Remove(number, out var old))
        {
            return;
        }

        ordered.Remove(LicenceOrder.Of(old));
        if (byHolder.TryGetValue(old.Holder, out var held))
        {
            held.Remove(LicenceOrder.Of(old));
        }
    }
}
