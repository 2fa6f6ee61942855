using Federation.Protocol.Agencies;
using Federation.Subgraphs.Spatial.Domain;
using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// A correction of a parcel's record: the fields given replace the record's. A new boundary
/// without an area or a division brings the area computed from it (geodesic) and the county that
/// holds its centroid.
/// </summary>
internal sealed record ParcelCorrection(string UnitCode, string Reason, string? ObjectionId)
{
    public Optional<string> LandUseCode { get; init; }

    public Optional<double> AreaSquareMetres { get; init; }

    /// <summary>A valid Polygon or MultiPolygon (checked when the input was read).</summary>
    public Optional<Geometry> Boundary { get; init; }

    public Optional<string> DivisionCode { get; init; }

    public Optional<string?> Location { get; init; }

    /// <summary>Rights already checked one by one and as a whole (see <see cref="ParcelRights.Check"/>).</summary>
    public Optional<IReadOnlyList<ParcelRight>> Rights { get; init; }

    public async Task<(Parcel Parcel, List<string> Changed)> ApplyAsync(Parcel current, ICorrectionRegister register, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var boundary = Boundary.Or(current.Boundary);
        var area = AreaSquareMetres.IsGiven
            ? AreaSquareMetres.Value
            : Boundary.IsGiven ? await register.AreaAsync(boundary, cancellationToken).ConfigureAwait(false) : current.AreaSquareMetres;

        string division;
        if (DivisionCode.IsGiven)
        {
            division = await register.RequireCountyAsync(DivisionCode.Value, "input.division", cancellationToken).ConfigureAwait(false);
        }
        else if (Boundary.IsGiven)
        {
            var centroid = boundary.Centroid;
            division = (await register.DivisionAtAsync(centroid.X, centroid.Y, Division.County, cancellationToken).ConfigureAwait(false)
                ?? throw SpatialErrorCodes.Invalid("input.boundary", "lies in no county of the register; give `division` as well")).Code;
        }
        else
        {
            division = current.DivisionCode;
        }

        var corrected = current with
        {
            LandUseCode = LandUseCode.Or(current.LandUseCode),
            AreaSquareMetres = area,
            Boundary = boundary,
            DivisionCode = division,
            Location = Location.Or(current.Location),
            Rights = Rights.Or(current.Rights),
        };

        var changed = new List<string>();
        if (corrected.LandUseCode != current.LandUseCode)
        {
            changed.Add("landUse");
        }

        if (corrected.AreaSquareMetres != current.AreaSquareMetres)
        {
            changed.Add("areaSquareMetres");
        }

        if (!corrected.Boundary.EqualsExact(current.Boundary))
        {
            changed.Add("boundary");
        }

        if (corrected.DivisionCode != current.DivisionCode)
        {
            changed.Add("division");
        }

        if (corrected.Location != current.Location)
        {
            changed.Add("location");
        }

        if (!corrected.Rights.SequenceEqual(current.Rights))
        {
            changed.Add("rightHolders");
        }

        return (changed.Count > 0 ? corrected with { UpdatedAt = now } : current, changed);
    }
}

/// <summary>The rules a parcel's list of rights keeps.</summary>
internal static class ParcelRights
{
    /// <summary>
    /// Each right names exactly one holder and ends no earlier than it starts; shares lie in
    /// (0, 100] and, when given, add up to at most 100 per kind of right (按份共有).
    /// </summary>
    public static void Check(IReadOnlyList<ParcelRight> rights, string argument)
    {
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < rights.Count; i++)
        {
            var right = rights[i];
            var at = $"{argument}[{i}]";
            if ((right.HolderIdNumber is null) == (right.HolderCreditCode is null))
            {
                throw SpatialErrorCodes.Invalid(at, "must give exactly one of `idNumber` (a natural person) and `creditCode` (a legal person)");
            }

            if (right.ValidUntil is { } until && until < right.ValidFrom)
            {
                throw SpatialErrorCodes.Invalid(at, "ends (`validUntil`) before it starts (`validFrom`)");
            }

            if (right.SharePercentage is { } share)
            {
                if (!double.IsFinite(share) || share <= 0 || share > 100)
                {
                    throw SpatialErrorCodes.Invalid(at, "has a `sharePercentage` outside (0, 100]");
                }

                shares[right.Kind] = shares.GetValueOrDefault(right.Kind) + share;
                if (shares[right.Kind] > 100 + 1e-9)
                {
                    throw SpatialErrorCodes.Invalid(argument, $"has shares of {right.Kind} adding up to more than 100 percent");
                }
            }
        }
    }
}
