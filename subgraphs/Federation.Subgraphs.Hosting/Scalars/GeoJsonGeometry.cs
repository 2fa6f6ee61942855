using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Federation.GraphQL.Execution;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>A position (RFC 7946 §3.1.1): longitude and latitude in degrees, and an altitude if given.</summary>
public readonly record struct GeoPosition(double Longitude, double Latitude, double? Altitude = null);

/// <summary>
/// A GeoJSON geometry object by RFC 7946 §3.1 (https://www.rfc-editor.org/rfc/rfc7946#section-3.1):
/// Point, MultiPoint, LineString (≥ 2 positions), MultiLineString, Polygon (linear rings of ≥ 4
/// positions whose first and last are equal), MultiPolygon and GeometryCollection; longitudes in
/// [-180, 180] and latitudes in [-90, 90] (§4). Ring orientation (§3.1.6, "SHOULD") is not
/// enforced: parsers must not reject rings wound the other way. Members other than
/// <c>type</c>, <c>coordinates</c> and <c>geometries</c> (bbox, foreign members) are dropped.
/// </summary>
public abstract record GeoJsonGeometry(string Type)
{
    /// <summary>
    /// Checks a geometry given as plain values (what a GraphQL object literal, a JSON variable or
    /// <see cref="JsonSerializer"/> into <c>object</c> gives: dictionaries, lists, numbers, strings).
    /// On failure <paramref name="error"/> names the broken rule.
    /// </summary>
    public static bool TryParse(object? value, [NotNullWhen(true)] out GeoJsonGeometry? geometry, [NotNullWhen(false)] out string? error)
    {
        try
        {
            geometry = Read(value);
            error = null;
            return true;
        }
        catch (GeoJsonException exception)
        {
            geometry = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>The same from JSON text.</summary>
    public static bool TryParseJson(string json, [NotNullWhen(true)] out GeoJsonGeometry? geometry, [NotNullWhen(false)] out string? error)
    {
        object? value;
        try
        {
            value = PlainValues.FromJson(json);
        }
        catch (JsonException)
        {
            geometry = null;
            error = "GeoJSON text is not JSON (RFC 7946 §2).";
            return false;
        }

        return TryParse(value, out geometry, out error);
    }

    /// <summary>The geometry as plain values (dictionaries and lists) that write as its GeoJSON.</summary>
    public abstract IReadOnlyDictionary<string, object?> ToJsonValue();

    /// <summary>The geometry as GeoJSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToJsonValue());

    private protected static object?[] Json(GeoPosition p) =>
        p.Altitude is { } altitude ? [p.Longitude, p.Latitude, altitude] : [p.Longitude, p.Latitude];

    private protected static object?[] Json(IReadOnlyList<GeoPosition> line) => [.. line.Select(p => (object?)Json(p))];

    private protected static object?[] Json(IReadOnlyList<IReadOnlyList<GeoPosition>> rings) => [.. rings.Select(r => (object?)Json(r))];

    private protected IReadOnlyDictionary<string, object?> WithCoordinates(object?[] coordinates) =>
        new Dictionary<string, object?> { ["type"] = Type, ["coordinates"] = coordinates };

    private static GeoJsonGeometry Read(object? value)
    {
        if (value is not IReadOnlyDictionary<string, object?> members || !members.TryGetValue("type", out var typeValue))
        {
            throw new GeoJsonException("GeoJSON geometry must be an object with a \"type\" member (RFC 7946 §3.1).");
        }

        if (typeValue is not string type)
        {
            throw new GeoJsonException("GeoJSON geometry \"type\" must be a string (RFC 7946 §3.1).");
        }

        if (type == "GeometryCollection")
        {
            if (!members.TryGetValue("geometries", out var geometries) || geometries is not IList list || geometries is string)
            {
                throw new GeoJsonException("GeoJSON GeometryCollection must have a \"geometries\" array (RFC 7946 §3.1.8).");
            }

            var items = new List<GeoJsonGeometry>(list.Count);
            foreach (var item in list)
            {
                items.Add(Read(item));
            }

            return new GeometryCollection(items);
        }

        if (type is not ("Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon"))
        {
            throw new GeoJsonException($"GeoJSON type \"{type}\" is not a geometry type (RFC 7946 §1.4).");
        }

        if (!members.TryGetValue("coordinates", out var coordinates) || coordinates is null)
        {
            throw new GeoJsonException($"GeoJSON {type} must have \"coordinates\" (RFC 7946 §3.1).");
        }

        return type switch
        {
            "Point" => new Point(Position(coordinates, type, "")),
            "MultiPoint" => new MultiPoint(Positions(coordinates, type, "", minimum: 0, section: "3.1.3")),
            "LineString" => new LineString(Positions(coordinates, type, "", minimum: 2, section: "3.1.4")),
            "MultiLineString" => new MultiLineString(
                Array(coordinates, type, "", "3.1.5").Select((line, i) => Positions(line, type, $" line {i}", minimum: 2, section: "3.1.5")).ToArray()),
            "Polygon" => new Polygon(Rings(coordinates, type, "")),
            _ => new MultiPolygon(Array(coordinates, type, "", "3.1.7").Select((polygon, i) => Rings(polygon, type, $" polygon {i}")).ToArray()),
        };
    }

    private static IReadOnlyList<IReadOnlyList<GeoPosition>> Rings(object? value, string type, string where)
    {
        var rings = Array(value, type, where, "3.1.6");
        var result = new IReadOnlyList<GeoPosition>[rings.Count];
        for (var i = 0; i < rings.Count; i++)
        {
            var ring = Positions(rings[i], type, $"{where} ring {i}", minimum: 0, section: "3.1.6");
            if (ring.Count < 4)
            {
                throw new GeoJsonException($"GeoJSON {type}{where} ring {i} must have at least 4 positions (RFC 7946 §3.1.6).");
            }

            if (ring[0] != ring[^1])
            {
                throw new GeoJsonException($"GeoJSON {type}{where} ring {i} is not closed (RFC 7946 §3.1.6).");
            }

            result[i] = ring;
        }

        return result;
    }

    private static IReadOnlyList<GeoPosition> Positions(object? value, string type, string where, int minimum, string section)
    {
        var items = Array(value, type, where, section);
        if (items.Count < minimum)
        {
            throw new GeoJsonException($"GeoJSON {type}{where} must have at least {minimum} positions (RFC 7946 §{section}).");
        }

        var positions = new GeoPosition[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            positions[i] = Position(items[i], type, $"{where} position {i}");
        }

        return positions;
    }

    private static GeoPosition Position(object? value, string type, string where)
    {
        if (value is not IList list || value is string || list.Count is < 2 or > 3 || Number(list[0]) is not { } longitude
            || Number(list[1]) is not { } latitude || (list.Count == 3 && Number(list[2]) is null))
        {
            throw new GeoJsonException($"GeoJSON {type}{where} must be a position: an array of 2 or 3 numbers (RFC 7946 §3.1.1).");
        }

        if (longitude is < -180 or > 180)
        {
            throw new GeoJsonException($"GeoJSON {type}{where} longitude {Text(longitude)} is outside [-180, 180] (RFC 7946 §4).");
        }

        if (latitude is < -90 or > 90)
        {
            throw new GeoJsonException($"GeoJSON {type}{where} latitude {Text(latitude)} is outside [-90, 90] (RFC 7946 §4).");
        }

        return new GeoPosition(longitude, latitude, list.Count == 3 ? Number(list[2]) : null);
    }

    private static IReadOnlyList<object?> Array(object? value, string type, string where, string section)
    {
        if (value is not IList list || value is string)
        {
            throw new GeoJsonException($"GeoJSON {type}{where} coordinates must be an array (RFC 7946 §{section}).");
        }

        var items = new object?[list.Count];
        list.CopyTo(items, 0);
        return items;
    }

    private static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => f,
        decimal m => (double)m,
        _ => null,
    };

    private static string Text(double number) => number.ToString(CultureInfo.InvariantCulture);


    private sealed class GeoJsonException(string message) : Exception(message);
}

public sealed record Point(GeoPosition Coordinates) : GeoJsonGeometry("Point")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() => WithCoordinates(Json(Coordinates));
}

public sealed record MultiPoint(IReadOnlyList<GeoPosition> Coordinates) : GeoJsonGeometry("MultiPoint")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() => WithCoordinates(Json(Coordinates));
}

public sealed record LineString(IReadOnlyList<GeoPosition> Coordinates) : GeoJsonGeometry("LineString")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() => WithCoordinates(Json(Coordinates));
}

public sealed record MultiLineString(IReadOnlyList<IReadOnlyList<GeoPosition>> Coordinates) : GeoJsonGeometry("MultiLineString")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() => WithCoordinates(Json(Coordinates));
}

/// <summary>The first ring is the exterior, the others holes (RFC 7946 §3.1.6).</summary>
public sealed record Polygon(IReadOnlyList<IReadOnlyList<GeoPosition>> Coordinates) : GeoJsonGeometry("Polygon")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() => WithCoordinates(Json(Coordinates));
}

public sealed record MultiPolygon(IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPosition>>> Coordinates) : GeoJsonGeometry("MultiPolygon")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() =>
        WithCoordinates([.. Coordinates.Select(polygon => (object?)Json(polygon))]);
}

public sealed record GeometryCollection(IReadOnlyList<GeoJsonGeometry> Geometries) : GeoJsonGeometry("GeometryCollection")
{
    public override IReadOnlyDictionary<string, object?> ToJsonValue() =>
        new Dictionary<string, object?> { ["type"] = Type, ["geometries"] = Geometries.Select(g => (object?)g.ToJsonValue()).ToArray() };
}
