using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Domain;

/// <summary>
/// A land parcel (宗地) of the real-estate register, identified by its unit code (see
/// <see cref="ParcelUnitCode"/>). The area is the registered one: computed from the boundary when
/// the parcel is surveyed, corrected by hand when the register says so.
/// </summary>
internal sealed record Parcel(
    string UnitCode,
    string LandUseCode,
    double AreaSquareMetres,
    Geometry Boundary,
    string DivisionCode,
    string? Location,
    IReadOnlyList<ParcelRight> Rights,
    DateTimeOffset UpdatedAt)
{
    public LandUse LandUse => LandUse.Of(LandUseCode);

    public bool HasHolder(HolderKind kind, string holder)
    {
        foreach (var right in Rights)
        {
            if ((kind == HolderKind.Person ? right.HolderIdNumber : right.HolderCreditCode) == holder)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A right in a parcel, held by a natural person (identity number) or a legal person (credit code):
/// exactly one of the two is set. <see cref="Kind"/> is the SDL's enum value name.
/// </summary>
internal sealed record ParcelRight(
    string? HolderIdNumber,
    string? HolderCreditCode,
    string Kind,
    double? SharePercentage,
    DateOnly ValidFrom,
    DateOnly? ValidUntil)
{
    /// <summary>The SDL's <c>ParcelRightKind</c> values.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "STATE_CONSTRUCTION_LAND_USE", "COLLECTIVE_CONSTRUCTION_LAND_USE", "HOMESTEAD_USE", "LAND_CONTRACT", "COLLECTIVE_OWNERSHIP", "OTHER",
    };

    /// <summary>The holder as the entity the union <c>RightHolder</c> answers: a Person or a LegalPerson reference.</summary>
    public object Holder => HolderIdNumber is not null ? new PersonHolder(HolderIdNumber) : new LegalPersonHolder(HolderCreditCode!);
}

internal enum HolderKind
{
    Person,
    LegalPerson,
}

/// <summary>A natural person as this subgraph knows one: by identity number, with the parcels the person holds rights in.</summary>
internal sealed record PersonHolder(string IdNumber);

/// <summary>A legal person as this subgraph knows one: by credit code, with the parcels it holds rights in.</summary>
internal sealed record LegalPersonHolder(string CreditCode);
