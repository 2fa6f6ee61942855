using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;
using HostingLevel = Federation.Protocol.Agencies.DivisionLevel;

namespace Federation.Subgraphs.Spatial.Seeding;

/// <summary>
/// The divisions of the demo world with boundaries: each county in force is the Voronoi cell of
/// its centre clipped to the city outline — the points nearest its centre, measured flat in degrees,
/// exactly as <see cref="DemoWorld.CountyAt"/> assigns addresses — the city is the outline, and the
/// province a coarse outline of Zhejiang joined with the city's so that it surely contains it.
/// Abolished divisions keep no boundary. Computed once; the same every time.
/// </summary>
internal static class DivisionBoundaries
{
    private static readonly Lazy<IReadOnlyList<Division>> Divisions = new(Build);

    public static IReadOnlyList<Division> All => Divisions.Value;

    private static IReadOnlyList<Division> Build()
    {
        var city = Area(DemoWorld.CityOutline);
        var province = Area(NingboDivisions.ProvinceOutline).Union(city);
        var counties = DemoWorld.Divisions.Where(d => d.Level == HostingLevel.County && d.InForce).ToList();

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(counties.Select(c => new Coordinate(c.CentreLongitude, c.CentreLatitude)).ToList());
        var clip = city.EnvelopeInternal.Copy();
        clip.ExpandBy(1);
        builder.ClipEnvelope = clip;
        var cells = builder.GetDiagram(Cgcs2000.Factory);

        var boundaries = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var county in counties)
        {
            var centre = Cgcs2000.Point(county.CentreLongitude, county.CentreLatitude);
            var cell = cells.Geometries.Single(g => g.Covers(centre));
            boundaries[county.Code] = Normalised(cell.Intersection(city));
        }

        boundaries[NingboDivisions.City] = Normalised(city);
        boundaries[NingboDivisions.Province] = Normalised(province);

        return DemoWorld.Divisions
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new Division(
                d.Code,
                d.Name,
                d.FullName,
                Level(d.Level),
                d.ParentCode,
                d.InForce ? boundaries.GetValueOrDefault(d.Code) : null,
                d.CentreLongitude,
                d.CentreLatitude,
                d.AbolishedOn))
            .ToList();
    }

    private static string Level(HostingLevel level) => level switch
    {
        HostingLevel.Province => Division.Province,
        HostingLevel.Prefecture => Division.Prefecture,
        _ => Division.County,
    };

    private static Polygon Area(IReadOnlyList<(double Longitude, double Latitude)> ring) =>
        Cgcs2000.Factory.CreatePolygon([.. ring.Select(p => new Coordinate(p.Longitude, p.Latitude))]);

    /// <summary>The area as a Polygon or MultiPolygon (an intersection may answer a collection).</summary>
    private static Geometry Normalised(Geometry area)
    {
        var result = area switch
        {
            Polygon or MultiPolygon => area,
            _ => Cgcs2000.Factory.CreateMultiPolygon([.. Enumerable.Range(0, area.NumGeometries).Select(area.GetGeometryN).OfType<Polygon>()]),
        };
        result.SRID = Cgcs2000.Srid;
        return result;
    }
}
