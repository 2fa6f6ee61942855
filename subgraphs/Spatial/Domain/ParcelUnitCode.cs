using System.Globalization;

namespace Federation.Subgraphs.Spatial.Domain;

/// <summary>
/// The 28-character real-estate unit number (不动产单元号) of GB/T 37346-2019 for a parcel without
/// buildings registered on it: the county code (6), the cadastral zone and subzone (3 + 3), the
/// parcel's feature code (2: ownership G state / J collective, then the right — B construction land
/// use, C homestead, D land contract, A ownership, W other), the parcel's sequence in the subzone
/// (5) and the fixture code W00000000 (no building).
/// </summary>
internal static class ParcelUnitCode
{
    public const int Length = 28;

    public static string Of(string zone12, string rightKind, int sequence) =>
        zone12 + Feature(rightKind) + sequence.ToString("D5", CultureInfo.InvariantCulture) + "W00000000";

    private static string Feature(string rightKind) => rightKind switch
    {
        "STATE_CONSTRUCTION_LAND_USE" => "GB",
        "COLLECTIVE_CONSTRUCTION_LAND_USE" => "JB",
        "HOMESTEAD_USE" => "JC",
        "LAND_CONTRACT" => "JD",
        "COLLECTIVE_OWNERSHIP" => "JA",
        _ => "GW",
    };
}
