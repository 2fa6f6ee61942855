using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.DemoData;

/// <summary>An administrative division of the demo world, by its real GB/T 2260 code.</summary>
public sealed record DivisionInfo(
    string Code,
    string Name,
    string FullName,
    DivisionLevel Level,
    string? ParentCode,
    double CentreLongitude,
    double CentreLatitude,
    DateOnly? AbolishedOn = null)
{
    public bool InForce => AbolishedOn is null;
}

/// <summary>
/// Ningbo (宁波市, 330200) and its ten county-level divisions as GB/T 2260 lists them, with Zhejiang
/// (330000) above and the two codes abolished in the 2016 reorganisation (江东区 330204 merged into
/// 海曙区 and 鄞州区; 奉化市 330283 became 奉化区 330213). GB/T 2260 records the year of a change, not
/// the day: the abolished codes carry 2016-09-01, the month of the State Council's approval.
/// Centres are approximate centres of each county's territory (CGCS2000 longitude, latitude).
/// </summary>
public static class NingboDivisions
{
    public const string Province = "330000";
    public const string City = "330200";

    public static IReadOnlyList<DivisionInfo> All { get; } =
    [
        new(Province, "浙江省", "浙江省", DivisionLevel.Province, null, 120.15, 29.27),
        new(City, "宁波市", "浙江省宁波市", DivisionLevel.Prefecture, Province, 121.55, 29.75),
        County("330203", "海曙区", 121.40, 29.86),
        County("330205", "江北区", 121.52, 29.99),
        County("330206", "北仑区", 121.90, 29.87),
        County("330211", "镇海区", 121.64, 30.01),
        County("330212", "鄞州区", 121.64, 29.75),
        County("330213", "奉化区", 121.33, 29.62),
        County("330225", "象山县", 121.85, 29.45),
        County("330226", "宁海县", 121.44, 29.30),
        County("330281", "余姚市", 121.10, 30.00),
        County("330282", "慈溪市", 121.30, 30.20),
        County("330204", "江东区", 121.58, 29.87, new DateOnly(2016, 9, 1)),
        County("330283", "奉化市", 121.33, 29.62, new DateOnly(2016, 9, 1)),
    ];

    /// <summary>The county-level divisions in force, in code order.</summary>
    public static IReadOnlyList<DivisionInfo> Counties { get; } =
        All.Where(d => d.Level == DivisionLevel.County && d.InForce).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A plausible outline of the city's land (longitude, latitude), closed, counter-clockwise. County
    /// areas are the parts of it nearest each county centre, measured flat in degrees — the Voronoi
    /// cells of the centres clipped to the outline — so a polygon builder and <see cref="CountyAt"/> agree.
    /// </summary>
    public static IReadOnlyList<(double Longitude, double Latitude)> CityOutline { get; } =
    [
        (120.90, 29.85), (121.05, 29.70), (121.10, 29.50), (121.20, 29.25), (121.40, 29.10),
        (121.70, 29.05), (121.95, 29.20), (122.00, 29.45), (121.95, 29.65), (122.10, 29.80),
        (122.05, 29.95), (121.80, 30.05), (121.65, 30.18), (121.35, 30.35), (121.05, 30.33),
        (120.90, 30.05), (120.90, 29.85),
    ];

    /// <summary>A plausible coarse outline of Zhejiang province around the city, closed, counter-clockwise.</summary>
    public static IReadOnlyList<(double Longitude, double Latitude)> ProvinceOutline { get; } =
    [
        (118.00, 29.20), (118.60, 28.20), (119.50, 27.60), (120.20, 27.05), (121.00, 27.90),
        (121.90, 28.70), (122.30, 29.50), (122.60, 30.30), (121.60, 30.90), (120.80, 30.75),
        (119.90, 31.15), (119.30, 30.50), (118.40, 29.90), (118.00, 29.20),
    ];

    public static DivisionInfo? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>The county in force whose area holds the point; null outside the city.</summary>
    public static DivisionInfo? CountyAt(double longitude, double latitude)
    {
        if (!IsInside(CityOutline, longitude, latitude))
        {
            return null;
        }

        DivisionInfo? nearest = null;
        var best = double.MaxValue;
        foreach (var county in Counties)
        {
            var dx = county.CentreLongitude - longitude;
            var dy = county.CentreLatitude - latitude;
            var distance = (dx * dx) + (dy * dy);
            if (distance < best)
            {
                best = distance;
                nearest = county;
            }
        }

        return nearest;
    }

    /// <summary>Even-odd ray casting: whether the point lies inside the closed ring.</summary>
    public static bool IsInside(IReadOnlyList<(double Longitude, double Latitude)> ring, double longitude, double latitude)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > latitude) != (yj > latitude) && longitude < ((xj - xi) * (latitude - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static DivisionInfo County(string code, string name, double longitude, double latitude, DateOnly? abolishedOn = null) =>
        new(code, name, "浙江省宁波市" + name, DivisionLevel.County, City, longitude, latitude, abolishedOn);
}
