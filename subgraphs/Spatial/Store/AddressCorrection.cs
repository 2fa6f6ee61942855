using Federation.Protocol.Agencies;
using Federation.Subgraphs.Spatial.Domain;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// A correction of a standard address: the fields given replace the record's. A new position
/// without a division or parcel moves the address into the county and onto the parcel at that
/// position, as a surveyor's correction would.
/// </summary>
internal sealed record AddressCorrection(string Id, string Reason, string? ObjectionId)
{
    public Optional<string> Text { get; init; }

    public Optional<string> DivisionCode { get; init; }

    public Optional<string?> Township { get; init; }

    public Optional<string?> Community { get; init; }

    public Optional<string?> Road { get; init; }

    public Optional<string?> HouseNumber { get; init; }

    public Optional<string?> Building { get; init; }

    public Optional<string?> Unit { get; init; }

    public Optional<string?> Room { get; init; }

    public Optional<string?> PostalCode { get; init; }

    public Optional<Coordinates> Coordinates { get; init; }

    public Optional<string?> ParcelUnitCode { get; init; }

    /// <summary>
    /// The corrected record and the SDL names of the fields that changed, checking references
    /// against the store through <paramref name="register"/>; throws INVALID_INPUT before anything is written.
    /// </summary>
    public async Task<(Address Address, List<string> Changed)> ApplyAsync(Address current, ICorrectionRegister register, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var coordinates = Coordinates.Or(current.Coordinates);
        var division = DivisionCode.IsGiven
            ? await register.RequireCountyAsync(DivisionCode.Value, "input.division", cancellationToken).ConfigureAwait(false)
            : Coordinates.IsGiven
                ? (await register.DivisionAtAsync(coordinates.Longitude, coordinates.Latitude, Division.County, cancellationToken).ConfigureAwait(false)
                    ?? throw SpatialErrorCodes.Invalid("input.coordinates", "lies in no county of the register; give `division` as well"))
                    .Code
                : current.DivisionCode;

        var parcel = ParcelUnitCode.IsGiven
            ? ParcelUnitCode.Value is { } code ? await register.RequireParcelAsync(code, "input.parcelUnitCode", cancellationToken).ConfigureAwait(false) : null
            : Coordinates.IsGiven
                ? await register.ParcelAtAsync(coordinates.Longitude, coordinates.Latitude, cancellationToken).ConfigureAwait(false)
                : current.ParcelUnitCode;

        var corrected = current with
        {
            Text = Text.Or(current.Text),
            DivisionCode = division,
            Township = Township.Or(current.Township),
            Community = Community.Or(current.Community),
            Road = Road.Or(current.Road),
            HouseNumber = HouseNumber.Or(current.HouseNumber),
            Building = Building.Or(current.Building),
            Unit = Unit.Or(current.Unit),
            Room = Room.Or(current.Room),
            PostalCode = PostalCode.Or(current.PostalCode),
            Longitude = coordinates.Longitude,
            Latitude = coordinates.Latitude,
            ParcelUnitCode = parcel,
        };

        var changed = new List<string>();
        Compare(changed, "text", current.Text, corrected.Text);
        Compare(changed, "division", current.DivisionCode, corrected.DivisionCode);
        Compare(changed, "township", current.Township, corrected.Township);
        Compare(changed, "community", current.Community, corrected.Community);
        Compare(changed, "road", current.Road, corrected.Road);
        Compare(changed, "houseNumber", current.HouseNumber, corrected.HouseNumber);
        Compare(changed, "building", current.Building, corrected.Building);
        Compare(changed, "unit", current.Unit, corrected.Unit);
        Compare(changed, "room", current.Room, corrected.Room);
        Compare(changed, "postalCode", current.PostalCode, corrected.PostalCode);
        if (current.Coordinates != corrected.Coordinates)
        {
            changed.Add("coordinates");
            changed.Add("location");
        }

        Compare(changed, "parcel", current.ParcelUnitCode, corrected.ParcelUnitCode);
        return (changed.Count > 0 ? corrected with { UpdatedAt = now } : current, changed);
    }

    private static void Compare(List<string> changed, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changed.Add(field);
        }
    }
}
