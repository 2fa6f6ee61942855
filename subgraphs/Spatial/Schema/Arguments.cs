using System.Globalization;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using Federation.Subgraphs.Spatial.Store;
using Envelope = NetTopologySuite.Geometries.Envelope;

namespace Federation.Subgraphs.Spatial.Schema;

/// <summary>
/// Reads the register's arguments from the values the engine coerced (scalars already checked:
/// DivisionCode, IdNumber, CreditCode, Date, DateTime, GeoJSON) and checks the rules the types
/// cannot say — ranges, limits, references — with INVALID_INPUT / INVALID_GEOMETRY errors.
/// </summary>
internal static class Arguments
{
    /// <summary>The farthest a proximity query reaches, in metres (the SDL's limit).</summary>
    public const double MaximumDistanceMetres = 5000;

    /// <summary>Most terms an address search takes.</summary>
    public const int MaximumSearchTerms = 10;

    public static string? Text(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) ? value as string : null;

    public static string? Division(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is DivisionCode code ? code.Value : null;

    public static bool Boolean(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is true;

    public static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>A PointInput: longitude in [-180, 180], latitude in [-90, 90].</summary>
    public static Coordinates Point(object? value, string argument)
    {
        var fields = (IReadOnlyDictionary<string, object?>)value!;
        var longitude = Number(fields["longitude"]);
        var latitude = Number(fields["latitude"]);
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw SpatialErrorCodes.Invalid(argument + ".longitude", "must lie in [-180, 180] degrees");
        }

        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw SpatialErrorCodes.Invalid(argument + ".latitude", "must lie in [-90, 90] degrees");
        }

        return new Coordinates(longitude, latitude);
    }

    /// <summary>A distance in metres: more than 0, at most <see cref="MaximumDistanceMetres"/>.</summary>
    public static double Distance(IReadOnlyDictionary<string, object?> arguments)
    {
        var metres = Number(arguments["distanceMetres"]);
        if (!double.IsFinite(metres) || metres < 0 || metres > MaximumDistanceMetres)
        {
            throw SpatialErrorCodes.Invalid("distanceMetres", $"must lie in [0, {MaximumDistanceMetres}] metres");
        }

        return metres;
    }

    /// <summary>A BoundingBoxInput as an area: edges within range, west ≤ east and south ≤ north (a box across the antimeridian is two queries).</summary>
    public static NetTopologySuite.Geometries.Geometry Box(object? value)
    {
        var fields = (IReadOnlyDictionary<string, object?>)value!;
        var west = Number(fields["west"]);
        var south = Number(fields["south"]);
        var east = Number(fields["east"]);
        var north = Number(fields["north"]);
        if (!double.IsFinite(west) || !double.IsFinite(east) || west < -180 || east > 180 || west > east)
        {
            throw SpatialErrorCodes.Invalid("box", "must have -180 ≤ west ≤ east ≤ 180");
        }

        if (!double.IsFinite(south) || !double.IsFinite(north) || south < -90 || north > 90 || south > north)
        {
            throw SpatialErrorCodes.Invalid("box", "must have -90 ≤ south ≤ north ≤ 90");
        }

        return Cgcs2000.Factory.ToGeometry(new Envelope(west, east, south, north));
    }

    /// <summary>The search text as terms split on white space: at least one, at most <see cref="MaximumSearchTerms"/>.</summary>
    public static AddressSearch Search(IReadOnlyDictionary<string, object?> arguments)
    {
        var terms = (Text(arguments, "text") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            throw SpatialErrorCodes.Invalid("text", "must hold at least one term");
        }

        if (terms.Length > MaximumSearchTerms)
        {
            throw SpatialErrorCodes.Invalid("text", $"may hold at most {MaximumSearchTerms} terms");
        }

        return new AddressSearch(terms, Division(arguments, "division"));
    }

    public static ParcelFilter Filter(IReadOnlyDictionary<string, object?> arguments)
    {
        if (!arguments.TryGetValue("filter", out var value) || value is not IReadOnlyDictionary<string, object?> filter)
        {
            return ParcelFilter.None;
        }

        double? min = filter.TryGetValue("minAreaSquareMetres", out var minValue) && minValue is not null ? Number(minValue) : null;
        double? max = filter.TryGetValue("maxAreaSquareMetres", out var maxValue) && maxValue is not null ? Number(maxValue) : null;
        if (min is { } a && max is { } b && a > b)
        {
            throw SpatialErrorCodes.Invalid("filter", "has `minAreaSquareMetres` above `maxAreaSquareMetres`");
        }

        return new ParcelFilter(
            Division(filter, "division"),
            Text(filter, "landUseCode"),
            min,
            max,
            filter.TryGetValue("holderIdNumber", out var id) && id is IdNumber idNumber ? idNumber.Value : null,
            filter.TryGetValue("holderCreditCode", out var code) && code is CreditCode creditCode ? creditCode.Value : null,
            filter.TryGetValue("updatedSince", out var since) && since is DateTimeOffset instant ? instant : null);
    }

    public static AddressCorrection AddressCorrection(IReadOnlyDictionary<string, object?> input)
    {
        return new AddressCorrection(Required(input, "id"), Required(input, "reason"), Text(input, "objectionId"))
        {
            Text = NonNullText(input, "text"),
            DivisionCode = input.TryGetValue("division", out var division)
                ? division is DivisionCode code ? Optional<string>.Given(code.Value) : throw Cleared("division")
                : default,
            Township = NullableText(input, "township"),
            Community = NullableText(input, "community"),
            Road = NullableText(input, "road"),
            HouseNumber = NullableText(input, "houseNumber"),
            Building = NullableText(input, "building"),
            Unit = NullableText(input, "unit"),
            Room = NullableText(input, "room"),
            PostalCode = NullableText(input, "postalCode"),
            Coordinates = input.TryGetValue("coordinates", out var point)
                ? point is null ? throw Cleared("coordinates") : Optional<Coordinates>.Given(Point(point, "input.coordinates"))
                : default,
            ParcelUnitCode = NullableText(input, "parcelUnitCode"),
        };
    }

    public static ParcelCorrection ParcelCorrection(IReadOnlyDictionary<string, object?> input)
    {
        var landUse = NonNullText(input, "landUseCode");
        if (landUse.IsGiven && !LandUse.IsKnown(landUse.Value))
        {
            throw SpatialErrorCodes.Invalid("input.landUseCode", $"\"{landUse.Value}\" is not a land use class of GB/T 21010");
        }

        var area = Optional<double>.Absent;
        if (input.TryGetValue("areaSquareMetres", out var areaValue))
        {
            var metres = areaValue is null ? throw Cleared("areaSquareMetres") : Number(areaValue);
            area = double.IsFinite(metres) && metres > 0
                ? Optional<double>.Given(metres)
                : throw SpatialErrorCodes.Invalid("input.areaSquareMetres", "must be more than 0");
        }

        var rights = Optional<IReadOnlyList<ParcelRight>>.Absent;
        if (input.TryGetValue("rightHolders", out var rightsValue))
        {
            var list = rightsValue is IEnumerable<object?> items ? items.Select(Right).ToList() : throw Cleared("rightHolders");
            ParcelRights.Check(list, "input.rightHolders");
            rights = Optional<IReadOnlyList<ParcelRight>>.Given(list);
        }

        return new ParcelCorrection(Required(input, "unitCode"), Required(input, "reason"), Text(input, "objectionId"))
        {
            LandUseCode = landUse,
            AreaSquareMetres = area,
            Boundary = input.TryGetValue("boundary", out var boundary)
                ? boundary is GeoJsonGeometry geometry ? Optional<NetTopologySuite.Geometries.Geometry>.Given(GeoJsonConversion.ToArea(geometry, "input.boundary")) : throw Cleared("boundary")
                : default,
            DivisionCode = input.TryGetValue("division", out var division)
                ? division is DivisionCode code ? Optional<string>.Given(code.Value) : throw Cleared("division")
                : default,
            Location = NullableText(input, "location"),
            Rights = rights,
        };
    }

    private static ParcelRight Right(object? value)
    {
        var fields = (IReadOnlyDictionary<string, object?>)value!;
        return new ParcelRight(
            fields.TryGetValue("idNumber", out var id) && id is IdNumber idNumber ? idNumber.Value : null,
            fields.TryGetValue("creditCode", out var code) && code is CreditCode creditCode ? creditCode.Value : null,
            (string)fields["kind"]!,
            fields.TryGetValue("sharePercentage", out var share) && share is not null ? Number(share) : null,
            (DateOnly)fields["validFrom"]!,
            fields.TryGetValue("validUntil", out var until) && until is DateOnly day ? day : null);
    }

    private static string Required(IReadOnlyDictionary<string, object?> input, string name)
    {
        var text = Text(input, name);
        return string.IsNullOrWhiteSpace(text) ? throw SpatialErrorCodes.Invalid("input." + name, "must not be empty") : text;
    }

    private static Optional<string> NonNullText(IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value)
            ? value is string text && !string.IsNullOrWhiteSpace(text) ? Optional<string>.Given(text) : throw Cleared(name)
            : default;

    private static Optional<string?> NullableText(IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) ? Optional<string?>.Given(value as string) : default;

    private static Federation.GraphQL.GraphQLException Cleared(string name) =>
        SpatialErrorCodes.Invalid("input." + name, "cannot be cleared or left empty: the register requires it");
}
