using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using GeoJson = Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Spatial.Geo;

/// <summary>
/// Between the GeoJSON scalar's geometries (RFC 7946, what clients send and receive) and the
/// NetTopologySuite geometries the register computes with.
/// </summary>
internal static class GeoJsonConversion
{
    /// <summary>The most vertices a query or correction polygon may have, to bound the work one request causes.</summary>
    public const int MaximumVertices = 10_000;

    public static GeoJson.GeoJsonGeometry ToGeoJson(Geometry geometry) => geometry switch
    {
        NetTopologySuite.Geometries.Point point => new GeoJson.Point(Position(point.Coordinate)),
        NetTopologySuite.Geometries.Polygon polygon => new GeoJson.Polygon(Rings(polygon)),
        NetTopologySuite.Geometries.MultiPolygon multi => new GeoJson.MultiPolygon(
            [.. multi.Geometries.Select(g => Rings((NetTopologySuite.Geometries.Polygon)g))]),
        _ => throw new ArgumentException($"The register holds no {geometry.GeometryType} geometries.", nameof(geometry)),
    };

    public static GeoJson.Point ToGeoJsonPoint(double longitude, double latitude) => new(new GeoJson.GeoPosition(longitude, latitude));

    /// <summary>
    /// A GeoJSON Polygon or MultiPolygon as an area to query or record: anything else, too many
    /// vertices or an invalid area (self-intersecting rings, holes outside the shell) is refused with
    /// the rule it breaks.
    /// </summary>
    public static Geometry ToArea(GeoJson.GeoJsonGeometry geometry, string argument)
    {
        Geometry area = geometry switch
        {
            GeoJson.Polygon polygon => Polygon(polygon.Coordinates, argument),
            GeoJson.MultiPolygon multi => Cgcs2000.Factory.CreateMultiPolygon([.. multi.Coordinates.Select(p => Polygon(p, argument))]),
            _ => throw SpatialErrorCodes.InvalidGeometryOf(argument, $"must be a GeoJSON Polygon or MultiPolygon, not {geometry.Type}"),
        };

        if (area.NumPoints > MaximumVertices)
        {
            throw SpatialErrorCodes.InvalidGeometryOf(argument, $"has {area.NumPoints} positions; at most {MaximumVertices} are accepted");
        }

        var validation = new IsValidOp(area).ValidationError;
        if (validation is not null)
        {
            throw SpatialErrorCodes.InvalidGeometryOf(
                argument,
                $"is not a valid area (OGC simple features): {validation.Message} at [{validation.Coordinate.X}, {validation.Coordinate.Y}]");
        }

        return area;
    }

    private static NetTopologySuite.Geometries.Polygon Polygon(IReadOnlyList<IReadOnlyList<GeoJson.GeoPosition>> rings, string argument)
    {
        if (rings.Count == 0)
        {
            throw SpatialErrorCodes.InvalidGeometryOf(argument, "has a polygon without rings (RFC 7946 §3.1.6)");
        }

        var shell = Cgcs2000.Factory.CreateLinearRing([.. rings[0].Select(Coordinate)]);
        var holes = new LinearRing[rings.Count - 1];
        for (var i = 1; i < rings.Count; i++)
        {
            holes[i - 1] = Cgcs2000.Factory.CreateLinearRing([.. rings[i].Select(Coordinate)]);
        }

        return Cgcs2000.Factory.CreatePolygon(shell, holes);
    }

    private static Coordinate Coordinate(GeoJson.GeoPosition position) => new(position.Longitude, position.Latitude);

    private static GeoJson.GeoPosition Position(Coordinate coordinate) => new(coordinate.X, coordinate.Y);

    /// <summary>A ring wound as RFC 7946 §3.1.6 asks: exterior rings counter-clockwise, holes clockwise.</summary>
    private static GeoJson.GeoPosition[] Ring(Coordinate[] coordinates, bool counterClockwise)
    {
        var ring = coordinates.Select(Position).ToArray();
        if (NetTopologySuite.Algorithm.Orientation.IsCCW(coordinates) != counterClockwise)
        {
            Array.Reverse(ring);
        }

        return ring;
    }

    private static IReadOnlyList<IReadOnlyList<GeoJson.GeoPosition>> Rings(NetTopologySuite.Geometries.Polygon polygon)
    {
        var rings = new IReadOnlyList<GeoJson.GeoPosition>[polygon.NumInteriorRings + 1];
        rings[0] = Ring(polygon.ExteriorRing.Coordinates, counterClockwise: true);
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            rings[i + 1] = Ring(polygon.GetInteriorRingN(i).Coordinates, counterClockwise: false);
        }

        return rings;
    }
}
