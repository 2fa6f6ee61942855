using System.Globalization;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Spatial.Domain;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// The sort keys of the register's lists, which cursors carry: parcels by unit code, a search by
/// (text length, id), a proximity query by (distance, key) with the distance written round-trip.
/// </summary>
internal static class SortKeys
{
    public static string[] Parcel(Parcel parcel) => [parcel.UnitCode];

    public static string[] Search(Address address) => [TextLength(address.Text).ToString(CultureInfo.InvariantCulture), address.Id];

    public static string[] Near(double distance, string key) => [distance.ToString("R", CultureInfo.InvariantCulture), key];

    /// <summary>The length in characters (code points), as PostgreSQL's <c>char_length</c> counts.</summary>
    public static int TextLength(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        return length;
    }

    public static (int Length, string Id)? SearchAfter(PageRequest page) =>
        page.After is { } after
            ? (int.TryParse(after[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? (length, after[1]) : throw PagingErrorCodes.CursorNotRecognised())
            : null;

    public static (double Distance, string Key)? NearAfter(PageRequest page) =>
        page.After is { } after
            ? (double.TryParse(after[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var distance) && double.IsFinite(distance)
                ? (distance, after[1])
                : throw PagingErrorCodes.CursorNotRecognised())
            : null;
}
