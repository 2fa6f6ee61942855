namespace Federation.Gateway.Catalogue;

/// <summary>The catalogue's enumerations as they are written in <c>catalogue.yaml</c>, on the wire and in downloads: SCREAMING_SNAKE names.</summary>
internal static class CatalogueWireNames
{
    public static string WireName(this ShareClass shareClass) => shareClass switch
    {
        ShareClass.Unconditional => "UNCONDITIONAL",
        ShareClass.Conditional => "CONDITIONAL",
        ShareClass.NotShared => "NOT_SHARED",
        _ => throw new ArgumentOutOfRangeException(nameof(shareClass), shareClass, null),
    };

    public static ShareClass? ShareClassOf(string? wireName) => wireName switch
    {
        "UNCONDITIONAL" => ShareClass.Unconditional,
        "CONDITIONAL" => ShareClass.Conditional,
        "NOT_SHARED" => ShareClass.NotShared,
        _ => null,
    };

    public static string WireName(this UpdateFrequency frequency) => frequency switch
    {
        UpdateFrequency.RealTime => "REAL_TIME",
        UpdateFrequency.Daily => "DAILY",
        UpdateFrequency.Weekly => "WEEKLY",
        UpdateFrequency.Monthly => "MONTHLY",
        UpdateFrequency.Quarterly => "QUARTERLY",
        UpdateFrequency.Yearly => "YEARLY",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };
}
