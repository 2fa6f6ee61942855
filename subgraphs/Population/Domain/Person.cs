namespace Federation.Subgraphs.Population.Domain;

/// <summary>
/// A person's record in the population register, as stored. Enumerated values hold the names of
/// the SDL's enum values (<see cref="Genders"/>, <see cref="MaritalStatuses"/>, …), which is what the
/// engine writes for an enum; divisions and standard addresses are held by code and id.
/// </summary>
internal sealed record Person(
    string IdNumber,
    string Name,
    IReadOnlyList<string> FormerNames,
    string Gender,
    string EthnicityCode,
    DateOnly BirthDate,
    string RegisteredAddress,
    string RegisteredDivision,
    string? ResidenceAddress,
    string? ResidenceAddressId,
    string MaritalStatus,
    string Education,
    string? Phone,
    DateOnly? DeathDate,
    string? HouseholdNumber,
    string? RelationToHead,
    DateTimeOffset UpdatedAt)
{
    public string VitalStatus => DeathDate is null ? VitalStatuses.Living : VitalStatuses.Deceased;
}
