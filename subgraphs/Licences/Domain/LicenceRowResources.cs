using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;

namespace Federation.Subgraphs.Licences.Domain;

/// <summary>
/// The row-scoped resources of the share catalogue (<c>rowScoped: true</c> in schema/catalogue.yaml)
/// that guard licences of a type: a marriage certificate held says its holder is married, a household
/// register booklet where a household is registered, a real-estate title that its holder owns real
/// estate — though every item were removed. The ids live here only; the licence types name them and a
/// gateway test holds them to the committed catalogue.
/// </summary>
internal static class LicenceRowResources
{
    public const string MarriageCertificateItems = "licences.marriage-certificate-items";

    public const string HouseholdRegisterItems = "licences.household-register-items";

    public const string RealEstateTitleItems = "licences.real-estate-title-items";

    public static readonly IReadOnlyList<string> All = [MarriageCertificateItems, HouseholdRegisterItems, RealEstateTitleItems];
}

/// <summary>
/// Which licences one caller may know of: every licence of a type no row-scoped resource guards, and
/// those of a guarded type when the gateway signed that the caller may read its resource. Without a
/// caller (signatures off and nothing sent, or a schema run in process) every guarded licence is
/// withheld. A withheld licence is answered exactly as a number the library does not hold.
/// </summary>
internal sealed class LicenceVisibility
{
    private readonly HashSet<string> withheld;

    private LicenceVisibility(HashSet<string> withheld)
    {
        this.withheld = withheld;
        WithheldTypeCodes = withheld.Count == 0 ? null : [.. withheld.Order(StringComparer.Ordinal)];
    }

    /// <summary>The codes of the types whose licences are withheld, in code order; null when none is.</summary>
    public IReadOnlyList<string>? WithheldTypeCodes { get; }

    public static LicenceVisibility For(GatewayCaller? caller)
    {
        var withheld = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in LicenceCatalogue.All)
        {
            if (type.RowResource is { } resource && caller?.MayReadRows(resource) != true)
            {
                withheld.Add(type.Code);
            }
        }

        return new LicenceVisibility(withheld);
    }

    public bool Shows(Licence licence) => !withheld.Contains(licence.Type.Code);
}
