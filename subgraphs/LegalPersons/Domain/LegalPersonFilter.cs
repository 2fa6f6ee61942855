using Federation.Protocol.Agencies;

namespace Federation.Subgraphs.LegalPersons.Domain;

/// <summary>
/// Which legal persons to list (GraphQL <c>LegalPersonFilter</c>): all the given conditions hold.
/// Every condition has an index in the PostgreSQL store except <see cref="NameContains"/>.
/// </summary>
internal sealed record LegalPersonFilter
{
    public static readonly LegalPersonFilter All = new();

    public string? NameContains { get; init; }

    public IReadOnlyList<LegalPersonKind>? Kinds { get; init; }

    public IReadOnlyList<LegalPersonStatus>? Statuses { get; init; }

    /// <summary>The division and every division below it: a code prefix (2 digits for a province, 4 for a prefecture, 6 for a county).</summary>
    public string? DivisionPrefix { get; init; }

    /// <summary>A GB/T 4754 code prefix (section, division, group or class), checked by <see cref="Industry.IsCodePrefix"/>.</summary>
    public string? IndustryCodePrefix { get; init; }

    public DateOnly? EstablishedOnOrAfter { get; init; }

    public DateOnly? EstablishedOnOrBefore { get; init; }

    public string? LegalRepresentative { get; init; }

    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>
    /// The caller's division as a code prefix (<c>X-Caller-Division</c>), set when the list searches
    /// by <see cref="LegalRepresentative"/> — whom a person represents is division-scoped data — so
    /// that only legal persons within it are found, counted and paged. Null: no limit.
    /// </summary>
    public string? CallerDivisionPrefix { get; init; }

    /// <summary>Whether <paramref name="legalPerson"/> meets every condition (the in-memory store's reading, which the SQL mirrors).</summary>
    public bool Matches(LegalPerson legalPerson) =>
        (NameContains is null || legalPerson.Name.Contains(NameContains, StringComparison.Ordinal))
        && (Kinds is null || Kinds.Contains(legalPerson.Kind))
        && (Statuses is null || Statuses.Contains(legalPerson.Status))
        && (DivisionPrefix is null || legalPerson.DivisionCode.StartsWith(DivisionPrefix, StringComparison.Ordinal))
        && (CallerDivisionPrefix is null || legalPerson.DivisionCode.StartsWith(CallerDivisionPrefix, StringComparison.Ordinal))
        && (IndustryCodePrefix is null || (legalPerson.IndustryCode?.StartsWith(IndustryCodePrefix, StringComparison.Ordinal) ?? false))
        && (EstablishedOnOrAfter is null || legalPerson.EstablishedOn >= EstablishedOnOrAfter)
        && (EstablishedOnOrBefore is null || legalPerson.EstablishedOn <= EstablishedOnOrBefore)
        && (LegalRepresentative is null || legalPerson.RepresentativeIdNumber == LegalRepresentative)
        && (UpdatedSince is null || legalPerson.UpdatedAt >= UpdatedSince);
}
