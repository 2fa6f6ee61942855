using NetTopologySuite.Geometries;
using Npgsql;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// What the spatial register needs of its PostgreSQL data source: PostGIS <c>geometry</c> read and
/// written as NetTopologySuite geometries (Npgsql.NetTopologySuite), in binary on the wire, so no
/// statement converts a geometry itself (no <c>ST_AsBinary</c>, no <c>ST_GeomFromEWKB</c>) and no byte
/// array is made per row. Only X and Y are read and written: the register's geometries are 2D.
/// Every data source that reaches the register's tables is built with it — the subgraph's, and the tests'.
/// </summary>
public static class SpatialDataSource
{
    public static void Configure(NpgsqlDataSourceBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNetTopologySuite(
            precisionModel: new PrecisionModel(PrecisionModel.Floating.Value),
            handleOrdinates: Ordinates.XY);
    }
}
