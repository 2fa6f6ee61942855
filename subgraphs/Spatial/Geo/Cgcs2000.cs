using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Federation.Subgraphs.Spatial.Geo;

/// <summary>
/// The China Geodetic Coordinate System 2000 (EPSG:4490) every geometry of the register is in:
/// longitude/latitude degrees on the CGCS2000 ellipsoid. One geometry factory, and WKB both ways
/// (PostGIS reads and writes EWKB with the SRID).
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

    /// <summary>EWKB with the SRID, as PostGIS's binary COPY and <c>ST_GeomFromEWKB</c> read it.</summary>
    public static byte[] ToEwkb(Geometry geometry)
    {
        geometry.SRID = Srid;
        return new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false, emitM: false).Write(geometry);
    }

    /// <summary>Reads the WKB of <c>ST_AsBinary</c> (or EWKB) into a geometry of this factory.</summary>
    public static Geometry FromWkb(byte[] wkb)
    {
        var geometry = new WKBReader(NtsGeometryServices.Instance).Read(wkb);
        geometry.SRID = Srid;
        return geometry;
    }
}
