using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Schema;

/// <summary>
/// A licence's items as the object type of its licence type (<c>LicenceItems</c>): each item's
/// typed value under its key, null for an item the licence does not carry, and <c>holder</c> for
/// the types whose division-scoped items the gateway checks against the holder's division, and
/// <c>sealSalt</c>, the seal's salt, which only a reader of the items needs (to rebuild the sealed
/// content) and which the public digest must not be checkable without.
/// </summary>
internal sealed class LicenceItemValues : Dictionary<string, object?>
{
    private LicenceItemValues(LicenceType type)
        : base(type.ItemDefinitions.Count + 2, StringComparer.Ordinal) => Type = type;

    public LicenceType Type { get; }

    public static LicenceItemValues Of(Licence licence)
    {
        var values = new LicenceItemValues(licence.Type);
        if (licence.Holder.Kind == HolderKind.Person)
        {
            values["holder"] = new PersonRef(licence.Holder.Key);
        }

        values["sealSalt"] = licence.Seal.Salt;
        foreach (var item in licence.Items)
        {
            if (licence.Type.Definition(item.Key) is { } definition)
            {
                // The stores hold only what the catalogue's kinds accept (seeding and corrections check),
                // so a value that is not one is a row changed behind the library's back: shown as null, not as text.
                values[item.Key] = LicenceItemKinds.TryRead(definition.Kind, item.Value, out var value, out _) ? value : null;
            }
        }

        return values;
    }
}
