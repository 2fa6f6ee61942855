using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Store;

/// <summary>
/// The population register's storage: PostgreSQL, or in memory for the embedded default, with the
/// same behaviour (one conformance suite runs against both). Each lookup of many keys is one
/// round trip; corrections are all-or-nothing and publish their change events once applied.
/// </summary>
internal interface IPopulationStore
{
    /// <summary>The persons with these identity numbers that the register holds, by identity number.</summary>
    Task<IReadOnlyDictionary<string, Person>> PersonsAsync(IReadOnlyList<string> idNumbers, CancellationToken cancellationToken = default);

    /// <summary>A page of the persons matching <paramref name="filter"/>, in identity-number order.</summary>
    Task<Page<Person>> ListPersonsAsync(PersonFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, Household>> HouseholdsAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken = default);

    /// <summary>A page of the households matching <paramref name="filter"/>, in household-number order.</summary>
    Task<Page<Household>> ListHouseholdsAsync(HouseholdFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The members of each household, head first (<see cref="HouseholdRelations.Rank"/>, then birth date and identity number).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Person>>> MembersAsync(IReadOnlyList<string> householdNumbers, CancellationToken cancellationToken = default);

    Task<PersonChange> CorrectPersonAsync(PersonCorrection correction, CancellationToken cancellationToken = default);

    Task<PersonChange> RecordDeathAsync(DeathRecord death, CancellationToken cancellationToken = default);

    Task<HouseholdChange> CorrectHouseholdAsync(HouseholdCorrection correction, CancellationToken cancellationToken = default);

    /// <summary>Null when the store serves; otherwise why not (unreachable, not migrated, not seeded).</summary>
    Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken = default);
}
