using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Store;

/// <summary>Which persons to list (<c>PersonFilter</c>); every condition given must hold.</summary>
internal sealed record PersonFilter
{
    public static readonly PersonFilter All = new();

    public string? NameContains { get; init; }

    /// <summary>This division or any below it: a prefecture matches its counties.</summary>
    public DivisionCode? RegisteredDivision { get; init; }

    public string? Gender { get; init; }

    public string? EthnicityCode { get; init; }

    public DateOnly? BornOnOrAfter { get; init; }

    public DateOnly? BornOnOrBefore { get; init; }

    public string? VitalStatus { get; init; }

    public string? MaritalStatus { get; init; }

    public string? HouseholdNumber { get; init; }

    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>
    /// The caller's division (<c>X-Caller-Division</c>): a list filtered by <see cref="HouseholdNumber"/>
    /// searches household registration, which is division-scoped, so it finds, counts and pages the
    /// household's persons only when the household lies within this division. Null: no limit.
    /// </summary>
    public DivisionCode? CallerDivision { get; init; }

    /// <summary>Whether the list is limited to nothing: a household search for a household outside the caller's division (<paramref name="householdDivision"/> null when there is no such household).</summary>
    public bool HouseholdOutsideCallerDivision(string? householdDivision) =>
        HouseholdNumber is not null && CallerDivision is { } caller && (householdDivision is null || !DivisionRange.Covers(caller, householdDivision));

    /// <summary>The conditions on the person's own row (<see cref="CallerDivision"/> concerns the household: see <see cref="HouseholdOutsideCallerDivision"/>).</summary>
    public bool Matches(Person person) =>
        (NameContains is null || person.Name.Contains(NameContains, StringComparison.Ordinal))
        && (RegisteredDivision is not { } division || DivisionRange.Covers(division, person.RegisteredDivision))
        && (Gender is null || person.Gender == Gender)
        && (EthnicityCode is null || person.EthnicityCode == EthnicityCode)
        && (BornOnOrAfter is null || person.BirthDate >= BornOnOrAfter)
        && (BornOnOrBefore is null || person.BirthDate <= BornOnOrBefore)
        && (VitalStatus is null || person.VitalStatus == VitalStatus)
        && (MaritalStatus is null || person.MaritalStatus == MaritalStatus)
        && (HouseholdNumber is null || person.HouseholdNumber == HouseholdNumber)
        && (UpdatedSince is null || person.UpdatedAt >= UpdatedSince);
}

/// <summary>Which households to list (<c>HouseholdFilter</c>); every condition given must hold.</summary>
internal sealed record HouseholdFilter
{
    public static readonly HouseholdFilter All = new();

    public DivisionCode? Division { get; init; }

    public string? Kind { get; init; }

    public string? HeadIdNumber { get; init; }

    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>The caller's division (<c>X-Caller-Division</c>): households are division-scoped, so only those within it are listed and counted. Null: no limit.</summary>
    public DivisionCode? CallerDivision { get; init; }

    public bool Matches(Household household) =>
        (Division is not { } division || DivisionRange.Covers(division, household.Division))
        && (CallerDivision is not { } caller || DivisionRange.Covers(caller, household.Division))
        && (Kind is null || household.Kind == Kind)
        && (HeadIdNumber is null || household.HeadIdNumber == HeadIdNumber)
        && (UpdatedSince is null || household.UpdatedAt >= UpdatedSince);
}

/// <summary>
/// The codes of a division and of every division below it, as one range of six-digit codes: a
/// province 33xxxx, a prefecture 3302xx, a county itself. A range serves a B-tree index directly.
/// </summary>
internal readonly record struct DivisionRange(string Lowest, string Highest)
{
    public static DivisionRange Of(DivisionCode division)
    {
        var prefix = division.Value.AsSpan(0, Significant(division));
        return new DivisionRange(
            string.Concat(prefix, new string('0', 6 - prefix.Length)),
            string.Concat(prefix, new string('9', 6 - prefix.Length)));
    }

    /// <summary>Whether the six-digit <paramref name="code"/> lies in the range of <paramref name="division"/>, without building the range (the in-memory store asks per row).</summary>
    public static bool Covers(DivisionCode division, string code) =>
        code.Length == 6 && code.AsSpan().StartsWith(division.Value.AsSpan(0, Significant(division)), StringComparison.Ordinal);

    private static int Significant(DivisionCode division) => division.Level switch
    {
        DivisionLevel.Province => 2,
        DivisionLevel.Prefecture => 4,
        _ => 6,
    };
}
