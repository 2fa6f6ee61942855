using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Store;

/// <summary>
/// The register in memory, the embedded default. Identity and household numbers never change, so
/// the sorted key arrays built at load serve every page; records are immutable and replaced whole
/// under the lock, and events are published once the replacement is made.
/// </summary>
internal sealed class InMemoryPopulationStore(IChangeEventPublisher publisher, TimeProvider clock) : IPopulationStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Person> persons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Household> households = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> memberIds = new(StringComparer.Ordinal);
    private string[] personOrder = [];
    private string[] householdOrder = [];
    private bool loaded;

    public int PersonCount
    {
        get
        {
            lock (gate)
            {
                return persons.Count;
            }
        }
    }

    /// <summary>Replaces the register's contents (the seed at start-up).</summary>
    public void Load(IEnumerable<Person> seedPersons, IEnumerable<Household> seedHouseholds)
    {
        lock (gate)
        {
            persons.Clear();
            households.Clear();
            memberIds.Clear();
            foreach (var household in seedHouseholds)
            {
                households.Add(household.Number, household);
            }

            foreach (var person in seedPersons)
            {
                persons.Add(person.IdNumber, person);
                if (person.HouseholdNumber is { } number)
                {
                    if (!memberIds.TryGetValue(number, out var ids))
                    {
                        memberIds[number] = ids = [];
                    }

                    ids.Add(person.IdNumber);
                }
            }

            personOrder = [.. persons.Keys.Order(StringComparer.Ordinal)];
            householdOrder = [.. households.Keys.Order(StringComparer.Ordinal)];
            loaded = true;
        }
    }

    public Task<IReadOnlyDictionary<string, Person>> PersonsAsync(IReadOnlyList<string> idNumbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, Person>(idNumbers.Count, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var id in idNumbers)
            {
                if (persons.TryGetValue(id, out var person))
                {
                    found[id] = person;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Person>>(found);
    }

    public Task<Page<Person>> ListPersonsAsync(PersonFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (filter.HouseholdOutsideCallerDivision(filter.HouseholdNumber is { } number && households.TryGetValue(number, out var household) ? household.Division : null))
            {
                return Task.FromResult(new Page<Person>([], false, 0));
            }

            return Task.FromResult(PageOf(personOrder, persons, filter.Matches, page));
        }
    }

    public Task<IReadOnlyDictionary<string, Household>> HouseholdsAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, Household>(numbers.Count, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var number in numbers)
            {
                if (households.TryGetValue(number, out var household))
                {
                    found[number] = household;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Household>>(found);
    }

    public Task<Page<Household>> ListHouseholdsAsync(HouseholdFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(PageOf(householdOrder, households, filter.Matches, page));
        }
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Person>>> MembersAsync(IReadOnlyList<string> householdNumbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, IReadOnlyList<Person>>(householdNumbers.Count, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var number in householdNumbers)
            {
                found[number] = MembersOf(number);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<Person>>>(found);
    }

    public async Task<PersonChange> CorrectPersonAsync(PersonCorrection correction, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        PersonChange change;
        lock (gate)
        {
            var current = persons.GetValueOrDefault(correction.IdNumber) ?? throw PopulationErrorCodes.PersonNotFound(correction.IdNumber);
            change = correction.Apply(current, RegisterRules.Today(now), now);
            persons[correction.IdNumber] = change.Person;
        }

        if (change.ChangedFields.Count > 0)
        {
            await publisher.PublishAsync(PopulationEvents.Of(change, correction.EventReason, now), cancellationToken).ConfigureAwait(false);
        }

        return change;
    }

    public async Task<PersonChange> RecordDeathAsync(DeathRecord death, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        PersonChange change;
        lock (gate)
        {
            var current = persons.GetValueOrDefault(death.IdNumber) ?? throw PopulationErrorCodes.PersonNotFound(death.IdNumber);
            change = death.Apply(current, RegisterRules.Today(now), now);
            persons[death.IdNumber] = change.Person;
        }

        await publisher.PublishAsync(PopulationEvents.Of(change, death.Reason, now), cancellationToken).ConfigureAwait(false);
        return change;
    }

    public async Task<HouseholdChange> CorrectHouseholdAsync(HouseholdCorrection correction, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        HouseholdChange change;
        lock (gate)
        {
            var current = households.GetValueOrDefault(correction.Number) ?? throw PopulationErrorCodes.HouseholdNotFound(correction.Number);
            change = correction.Apply(current, MembersOf(correction.Number), now);
            households[correction.Number] = change.Household;
            foreach (var member in change.Members)
            {
                persons[member.Person.IdNumber] = member.Person;
            }
        }

        if (change.ChangedFields.Count > 0)
        {
            foreach (var changeEvent in PopulationEvents.Of(change, correction.EventReason, now))
            {
                await publisher.PublishAsync(changeEvent, cancellationToken).ConfigureAwait(false);
            }
        }

        return change;
    }

    public Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(loaded ? null : "The in-memory register has not been loaded yet.");
        }
    }

    private List<Person> MembersOf(string householdNumber)
    {
        var members = new List<Person>();
        if (memberIds.TryGetValue(householdNumber, out var ids))
        {
            foreach (var id in ids)
            {
                members.Add(persons[id]);
            }
        }

        members.Sort(MemberOrder.Compare);
        return members;
    }

    private static Page<T> PageOf<T>(string[] order, Dictionary<string, T> byKey, Func<T, bool> matches, PageRequest page)
    {
        var start = 0;
        if (page.After is [var after])
        {
            start = Array.BinarySearch(order, after, StringComparer.Ordinal);
            start = start >= 0 ? start + 1 : ~start;
        }

        var total = 0;
        var rows = new List<T>(page.First + 1);
        for (var i = 0; i < order.Length; i++)
        {
            var item = byKey[order[i]];
            if (!matches(item))
            {
                continue;
            }

            total++;
            if (i >= start && rows.Count <= page.First)
            {
                rows.Add(item);
            }
        }

        return Page<T>.FromRows(rows, page, total);
    }
}

/// <summary>The order of a household's members: the head first, then by relation, birth date and identity number.</summary>
internal static class MemberOrder
{
    public static int Compare(Person a, Person b)
    {
        var byRelation = HouseholdRelations.Rank(a.RelationToHead).CompareTo(HouseholdRelations.Rank(b.RelationToHead));
        if (byRelation != 0)
        {
            return byRelation;
        }

        var byBirth = a.BirthDate.CompareTo(b.BirthDate);
        return byBirth != 0 ? byBirth : string.CompareOrdinal(a.IdNumber, b.IdNumber);
    }
}
