using System.Globalization;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Licences.Domain;

/// <summary>
/// A type of licence in the catalogue of electronic licences. <see cref="AgencyRole"/> names the
/// role of the agency that issues it (the demo world's agency roles); <see cref="ValidYears"/> is
/// how long a licence of the type runs, null for 长期 (without limit). <see cref="ItemsTypeName"/>
/// is the GraphQL object type of its items (a member of the <c>LicenceItems</c> union).
/// <see cref="RowResource"/>, when set, is the row-scoped catalogue resource whose readers alone may
/// know that a licence of the type exists (<see cref="LicenceRowResources"/>).
/// </summary>
internal sealed record LicenceType(
    string Code,
    string Name,
    string ItemsTypeName,
    HolderKind HolderKind,
    string AgencyRole,
    int? ValidYears,
    IReadOnlyList<LicenceItemDefinition> ItemDefinitions)
{
    public string? RowResource { get; init; }

    public LicenceItemDefinition? Definition(string key)
    {
        foreach (var definition in ItemDefinitions)
        {
            if (definition.Key == key)
            {
                return definition;
            }
        }

        return null;
    }
}

/// <summary>
/// An item a licence type defines: its key (the GraphQL field of the type's items), its printed
/// label, whether every licence carries it, and the kind of its value.
/// </summary>
internal sealed record LicenceItemDefinition(string Key, string Label, bool Required, LicenceItemKind Kind = LicenceItemKind.Text);

/// <summary>
/// One item of a licence. <see cref="Value"/> is the value's canonical text — a date as
/// YYYY-MM-DD, a count in decimal digits — which is what the GraphQL scalar of the item's field
/// writes, so a reader of the fields can rebuild the sealed content.
/// </summary>
internal sealed record LicenceItem(string Key, string Label, string Value);

/// <summary>The kind of an item's value, and so the GraphQL scalar of its field.</summary>
internal enum LicenceItemKind
{
    /// <summary><c>String</c>: text as printed.</summary>
    Text,

    /// <summary><c>Date</c>: YYYY-MM-DD.</summary>
    Date,

    /// <summary><c>IdNumber</c>: a citizen identity number (GB 11643).</summary>
    IdNumber,

    /// <summary><c>Int</c>: a count, 0 or more.</summary>
    Count,
}

internal static class LicenceItemKinds
{
    /// <summary>The GraphQL scalar of an item of this kind.</summary>
    public static string Scalar(LicenceItemKind kind) => kind switch
    {
        LicenceItemKind.Date => "Date",
        LicenceItemKind.IdNumber => "IdNumber",
        LicenceItemKind.Count => "Int",
        _ => "String",
    };

    /// <summary>
    /// The typed value of an item's canonical text (<see cref="DateOnly"/>, <see cref="IdNumber"/>,
    /// <see cref="int"/> or the text), or why the text is not one.
    /// </summary>
    public static bool TryRead(LicenceItemKind kind, string text, out object value, out string? error)
    {
        value = text;
        error = null;
        switch (kind)
        {
            case LicenceItemKind.Date:
                if (FullDate.TryParse(text, out var date, out error))
                {
                    value = date;
                    return true;
                }

                return false;
            case LicenceItemKind.IdNumber:
                if (IdNumber.TryParse(text, out var idNumber, out error))
                {
                    value = idNumber;
                    return true;
                }

                return false;
            case LicenceItemKind.Count:
                // Decimal digits only, no sign or leading zero: the text is what Int writes.
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                    && count.ToString(CultureInfo.InvariantCulture) == text)
                {
                    value = count;
                    return true;
                }

                error = "a count is written in decimal digits without sign or leading zeros";
                return false;
            default:
                return true;
        }
    }
}
