using NetTopologySuite;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Spatial.Geo;

/// <summary>
/// The China Geodetic Coordinate System 2000 (EPSG:4490) every geometry of the register is in:
/// longitude/latitude degrees on the CGCS2000 ellipsoid. One geometry factory, and the SRID on
/// everything written to PostGIS.
/// </summary>
internal static class Cgcs2000
{
    public const int Srid = 4490;

    /// <summary>Semi-major axis in metres.</summary>
    public const double SemiMajorAxis = 6378137.0;

    /// <summary>Flattening (CGCS2000 differs from GRS 80 only in the 11th significant digit).</summary>
    public const double Flattening = 1 / 298.257222101;

    public static readonly GeometryFactory Factory =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(PrecisionModel.Floating.Value), Srid);

    public static NetTopologySuite.Geometries.Point Point(double longitude, double latitude) =>
        Factory.CreatePoint(new Coordinate(longitude, latitude));

    /// <summary>The geometry with this system's SRID, which PostGIS checks against the column's.</summary>
    public static Geometry InSrid(Geometry geometry)
    {
        geometry.SRID = Srid;
        return geometry;
    }

    /// <summary>A PostGIS <c>geometry</c> parameter, written as EWKB by the data source's mapping (<see cref="Store.SpatialDataSource"/>).</summary>
    public static NpgsqlParameter Parameter(string name, Geometry geometry) =>
        new(name, NpgsqlDbType.Geometry) { Value = InSrid(geometry) };
}
