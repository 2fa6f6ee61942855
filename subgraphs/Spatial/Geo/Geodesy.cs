using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Geo;

/// <summary>
/// Distances and areas on the CGCS2000 ellipsoid for the in-memory store, where PostGIS answers
/// with <c>geography</c> (which measures on the same ellipsoid). The register's distances are short
/// (queries reach at most 5 km) and its parcels small, so a local plane is exact enough: around a
/// latitude φ one degree of longitude is N(φ)·cos φ·π/180 metres and one degree of latitude
/// M(φ)·π/180 metres (N and M the radii of curvature). Against PostGIS on the same data the
/// difference stays under a millimetre for parcels and under a few centimetres at 5 km.
/// </summary>
internal static class Geodesy
{
    private const double Radians = Math.PI / 180;
    private static readonly double E2 = Cgcs2000.Flattening * (2 - Cgcs2000.Flattening);

    /// <summary>Metres per degree of longitude and of latitude at <paramref name="latitude"/>.</summary>
    public static (double East, double North) MetresPerDegree(double latitude)
    {
        var sin = Math.Sin(latitude * Radians);
        var w = Math.Sqrt(1 - E2 * sin * sin);
        var n = Cgcs2000.SemiMajorAxis / w;
        var m = Cgcs2000.SemiMajorAxis * (1 - E2) / (w * w * w);
        return (n * Math.Cos(latitude * Radians) * Radians, m * Radians);
    }

    /// <summary>The distance in metres between two points (each measured at their mid latitude).</summary>
    public static double Distance(double longitude1, double latitude1, double longitude2, double latitude2)
    {
        var (east, north) = MetresPerDegree((latitude1 + latitude2) / 2);
        return Math.Sqrt(Square((longitude2 - longitude1) * east) + Square((latitude2 - latitude1) * north));
    }

    /// <summary>
    /// The distance in metres from a point to a geometry: 0 when the geometry covers it. The geometry
    /// is laid on a plane centred on the point, each vertex scaled at its mid latitude with the point,
    /// so the distance to every vertex is as <see cref="Distance"/> gives it.
    /// </summary>
    public static double Distance(double longitude, double latitude, Geometry geometry)
    {
        var origin = Cgcs2000.Point(longitude, latitude);
        if (geometry is IPolygonal && geometry.Covers(origin))
        {
            return 0;
        }

        var local = geometry.Copy();
        local.Apply(new ToLocalPlane(longitude, latitude));
        local.GeometryChanged();
        return local.Distance(Cgcs2000.Factory.CreatePoint(new Coordinate(0, 0)));
    }

    /// <summary>The area in square metres of a polygon or multipolygon, on a plane at its centroid's latitude.</summary>
    public static double Area(Geometry geometry)
    {
        var centre = geometry.Centroid;
        var local = geometry.Copy();
        local.Apply(new ToLocalPlane(centre.X, centre.Y, fixedScale: true));
        local.GeometryChanged();
        return local.Area;
    }

    /// <summary>The box of longitudes and latitudes within <paramref name="metres"/> of a point (a filter before exact distances).</summary>
    public static Envelope Around(double longitude, double latitude, double metres)
    {
        var (east, north) = MetresPerDegree(latitude);
        var dLat = metres / north * 1.01;
        var dLon = metres / (east * Math.Cos(Math.Min(Math.Abs(latitude) + dLat, 89.9) * Radians) / Math.Cos(latitude * Radians)) * 1.01;
        return new Envelope(longitude - dLon, longitude + dLon, latitude - dLat, latitude + dLat);
    }

    private static double Square(double value) => value * value;

    private sealed class ToLocalPlane(double longitude, double latitude, bool fixedScale = false) : IEntireCoordinateSequenceFilter
    {
        private readonly (double East, double North) scale = MetresPerDegree(latitude);

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var x = sequence.GetX(i);
                var y = sequence.GetY(i);
                var (east, north) = fixedScale ? scale : MetresPerDegree((y + latitude) / 2);
                sequence.SetX(i, (x - longitude) * east);
                sequence.SetY(i, (y - latitude) * north);
            }
        }
    }
}
