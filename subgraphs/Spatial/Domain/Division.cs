using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Domain;

/// <summary>
/// An administrative division by GB/T 2260. <see cref="Level"/> is the SDL's enum value name.
/// An abolished division keeps its code, names and centre but no boundary: its area now belongs to
/// the divisions that replaced it.
/// </summary>
internal sealed record Division(
    string Code,
    string Name,
    string FullName,
    string Level,
    string? ParentCode,
    Geometry? Boundary,
    double CentreLongitude,
    double CentreLatitude,
    DateOnly? AbolishedOn)
{
    public const string Province = "PROVINCE";
    public const string Prefecture = "PREFECTURE";
    public const string County = "COUNTY";

    public bool InForce => AbolishedOn is null;

    /// <summary>How many leading digits of the code a division's descendants share with it (2, 4 or 6).</summary>
    public static int PrefixLength(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? 2 : code.EndsWith("00", StringComparison.Ordinal) ? 4 : 6;

    /// <summary>The leading digits every division within <paramref name="code"/> has (itself included).</summary>
    public static string Prefix(string code) => code[..PrefixLength(code)];

    public static string LevelOf(string code) => PrefixLength(code) switch
    {
        2 => Province,
        4 => Prefecture,
        _ => County,
    };
}
