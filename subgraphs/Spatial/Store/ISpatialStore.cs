using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Spatial.Domain;
using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// The spatial register: divisions, standard addresses and land parcels with their spatial queries.
/// Two implementations answer alike — PostgreSQL with PostGIS, and in memory with NetTopologySuite;
/// one conformance suite runs against both. Every batch method is one round trip (one SQL statement).
/// </summary>
internal interface ISpatialStore
{
    Task<IReadOnlyDictionary<string, Division>> DivisionsAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken);

    /// <summary>The divisions directly below each parent (in force only unless asked), in code order; the provinces for the parent "".</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Division>>> ChildrenAsync(IReadOnlyList<string> parents, bool includeAbolished, CancellationToken cancellationToken);

    /// <summary>The division in force of <paramref name="level"/> whose boundary covers the point.</summary>
    Task<Division?> DivisionAtAsync(double longitude, double latitude, string level, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Address>> AddressesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Addresses whose text holds every term (ignoring case), shortest text first (the closest match), then by id.</summary>
    Task<Page<Address>> SearchAddressesAsync(AddressSearch search, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Addresses within <paramref name="metres"/> of the point (geodesic), nearest first, then by id.</summary>
    Task<Page<Near<Address>>> AddressesNearAsync(double longitude, double latitude, double metres, PageRequest page, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Parcel>> ParcelsAsync(IReadOnlyList<string> unitCodes, CancellationToken cancellationToken);

    /// <summary>Parcels matching the filter (and intersecting <paramref name="area"/> when given), in unit-code order.</summary>
    Task<Page<Parcel>> ParcelsAsync(ParcelFilter filter, Geometry? area, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Parcels within <paramref name="metres"/> of the point (0 when it lies inside), nearest first, then by unit code.</summary>
    Task<Page<Near<Parcel>>> ParcelsNearAsync(double longitude, double latitude, double metres, ParcelFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// For each holder, the page of parcels the holder has a right in, in unit-code order; only
    /// parcels within <paramref name="callerDivision"/> when given (rights in land are division-scoped).
    /// </summary>
    Task<IReadOnlyDictionary<string, Page<Parcel>>> ParcelsOfHoldersAsync(HolderKind kind, IReadOnlyList<string> holders, string? callerDivision, PageRequest page, CancellationToken cancellationToken);

    Task<Corrected<Address>> CorrectAddressAsync(AddressCorrection correction, CancellationToken cancellationToken);

    Task<Corrected<Parcel>> CorrectParcelAsync(ParcelCorrection correction, CancellationToken cancellationToken);

    /// <summary>Whether the store answers: PostgreSQL reachable and migrated, memory seeded.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}

/// <summary>An item of a proximity query with its geodesic distance from the centre in metres.</summary>
internal sealed record Near<T>(T Item, double DistanceMetres);

/// <summary>A correction's outcome: the record after it and the SDL names of the fields it changed (none: nothing was written).</summary>
internal sealed record Corrected<T>(T Record, IReadOnlyList<string> ChangedFields);

/// <summary>An address search: the terms (split on white space) and the division to stay within.</summary>
internal sealed record AddressSearch(IReadOnlyList<string> Terms, string? DivisionCode);

/// <summary>Conditions on parcels; null conditions do not apply. Division and land use match by prefix.</summary>
internal sealed record ParcelFilter(
    string? DivisionCode = null,
    string? LandUseCode = null,
    double? MinAreaSquareMetres = null,
    double? MaxAreaSquareMetres = null,
    string? HolderIdNumber = null,
    string? HolderCreditCode = null,
    DateTimeOffset? UpdatedSince = null,
    string? CallerDivision = null)
{
    public static readonly ParcelFilter None = new();

    /// <summary>
    /// Whether the filter searches by a right holder: who holds rights in land is division-scoped
    /// data, so such a search finds, counts and pages only parcels within the caller's division
    /// (<see cref="CallerDivision"/>, from <c>X-Caller-Division</c>).
    /// </summary>
    public bool SearchesByHolder => HolderIdNumber is not null || HolderCreditCode is not null;

    public bool Matches(Parcel parcel) =>
        (DivisionCode is null || parcel.DivisionCode.StartsWith(Division.Prefix(DivisionCode), StringComparison.Ordinal))
        && (LandUseCode is null || parcel.LandUseCode.StartsWith(LandUseCode, StringComparison.Ordinal))
        && (MinAreaSquareMetres is not { } min || parcel.AreaSquareMetres >= min)
        && (MaxAreaSquareMetres is not { } max || parcel.AreaSquareMetres <= max)
        && (HolderIdNumber is null || parcel.HasHolder(HolderKind.Person, HolderIdNumber))
        && (HolderCreditCode is null || parcel.HasHolder(HolderKind.LegalPerson, HolderCreditCode))
        && (UpdatedSince is not { } since || parcel.UpdatedAt >= since)
        && (CallerDivision is null || parcel.DivisionCode.StartsWith(Division.Prefix(CallerDivision), StringComparison.Ordinal));
}
