namespace Federation.Subgraphs.LegalPersons.Domain;

/// <summary>What kind of legal person a record is (Kaifeng art. 12).</summary>
internal enum LegalPersonKind
{
    Enterprise,
    PublicInstitution,
    SocialOrganisation,
    Agency,
    Other,
}

/// <summary>The registration status (登记状态).</summary>
internal enum LegalPersonStatus
{
    Active,
    Revoked,
    Deregistered,
    MovedOut,
    Suspended,
}

/// <summary>
/// One record of the legal-person register. Shareholders and annual reports are kept beside it
/// and loaded in batches, so a page of legal persons never costs a query per row.
/// </summary>
internal sealed record LegalPerson
{
    public required string CreditCode { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> FormerNames { get; init; } = [];

    public required LegalPersonKind Kind { get; init; }

    public required LegalPersonStatus Status { get; init; }

    /// <summary>The identity number of the legal representative; null when none is registered.</summary>
    public string? RepresentativeIdNumber { get; init; }

    public Money? RegisteredCapital { get; init; }

    public required DateOnly EstablishedOn { get; init; }

    public DateOnly? OperatingFrom { get; init; }

    public DateOnly? OperatingUntil { get; init; }

    public required string Address { get; init; }

    public string? StandardAddressId { get; init; }

    /// <summary>The county-level GB/T 2260 code of the registered address.</summary>
    public required string DivisionCode { get; init; }

    public string? IndustryCode { get; init; }

    public string? BusinessScope { get; init; }

    /// <summary>The credit code of the agency the legal person is registered with.</summary>
    public required string AuthorityCreditCode { get; init; }

    public DateOnly? TerminatedOn { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A shareholder's stake, in the order the register lists them.</summary>
internal sealed record Shareholding(
    string? ShareholderIdNumber,
    string? ShareholderCreditCode,
    string ShareholderName,
    Money? SubscribedCapital,
    Money? PaidInCapital,
    double? SharePercentage);

/// <summary>An annual report (年度报告) a legal person filed.</summary>
internal sealed record AnnualReport(
    int Year,
    DateOnly FiledOn,
    int? Employees,
    string? OperatingStatus,
    string? Phone,
    string? Website);

/// <summary>A legal person with what is kept beside it, as the seed and bulk load hand it over.</summary>
internal sealed record LegalPersonFile(
    LegalPerson LegalPerson,
    IReadOnlyList<Shareholding> Shareholders,
    IReadOnlyList<AnnualReport> AnnualReports);
