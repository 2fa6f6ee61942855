namespace Federation.Subgraphs.DemoData;

public enum Gender
{
    Male,
    Female,
}

public enum HouseholdRelation
{
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Grandparent,
    Sibling,
    OtherRelative,
    NonRelative,
}

public enum HouseholdKind
{
    Family,
    Collective,
}

public enum LegalPersonKind
{
    Enterprise,
    PublicInstitution,
    SocialOrganisation,
    Agency,
    Other,
}

/// <summary>
/// What every subgraph agrees on about a person: the key and the facts others print (a licence's
/// holder name) or reason on (a representative is an adult alive). The population subgraph adds the rest.
/// </summary>
public sealed record PersonCore(
    int Index,
    string IdNumber,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    int HouseholdIndex,
    HouseholdRelation RelationToHead,
    DateOnly? DeathDate)
{
    public bool IsDeceased => DeathDate is not null;

    /// <summary>Age in whole years on <paramref name="day"/>.</summary>
    public int AgeOn(DateOnly day) =>
        day.Year - BirthDate.Year - (day.Month < BirthDate.Month || (day.Month == BirthDate.Month && day.Day < BirthDate.Day) ? 1 : 0);
}

/// <summary>A household (户): its register number, its members (a run of person indexes) and its address.</summary>
public sealed record HouseholdCore(int Index, string Number, HouseholdKind Kind, int FirstMember, int MemberCount, int AddressIndex, int HeadIndex);

/// <summary>What every subgraph agrees on about a legal person.</summary>
public sealed record LegalPersonCore(
    int Index,
    string CreditCode,
    string Name,
    LegalPersonKind Kind,
    string DivisionCode,
    DateOnly EstablishedOn,
    int? RepresentativeIndex,
    int AddressIndex,
    int RegistrationAuthorityIndex,
    string? Sector,
    AgencyRole? AgencyRole);

/// <summary>A standard address (标准地址) with its position.</summary>
public sealed record AddressCore(
    int Index,
    string Id,
    string Text,
    string DivisionCode,
    string Township,
    string Community,
    string Road,
    string HouseNumber,
    string? Building,
    string? Unit,
    string? Room,
    string PostalCode,
    double Longitude,
    double Latitude);
