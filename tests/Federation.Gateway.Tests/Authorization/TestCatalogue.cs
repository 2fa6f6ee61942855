using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// Small catalogues over the fake subgraphs' fields: the population bureau provides the persons'
/// base items (unconditional) and one item under test; fields the catalogue leaves out are the
/// catalogue's business of no test here.
/// </summary>
internal static class TestCatalogue
{
    public const string PopulationBureau = "11330000MB0000001A";
    public const string NingboMarketSupervision = "11330200MB0000002B";
    public const string BeijingTaxBureau = "11110000MB0000003C";

    public const string Base = "population.person-base";
    public const string Residence = "population.person-residence";

    public static readonly CatalogueAgency[] Agencies =
    [
        new(PopulationBureau, "浙江省公安厅", "Zhejiang Public Security Department", "330000"),
        new(NingboMarketSupervision, "宁波市市场监督管理局", "Ningbo Market Supervision Bureau", "330200"),
        new(BeijingTaxBureau, "北京市税务局", "Beijing Tax Bureau", "110000"),
    ];

    public static readonly IReadOnlyDictionary<string, string> DivisionFields = new Dictionary<string, string>
    {
        ["Person"] = "registeredDivision.code",
        ["LegalPerson"] = "division.code",
    };

    public static CatalogueResource Resource(string id, ShareClass shareClass, ShareConditions? conditions, params string[] fields) => new(
        id,
        id,
        id,
        PopulationBureau,
        shareClass,
        fields,
        "JSON",
        [ProvisionMethod.Api],
        UpdateFrequency.Daily,
        conditions,
        shareClass == ShareClass.NotShared ? "《中华人民共和国个人信息保护法》第二十八条" : null);

    /// <summary>Persons and legal persons are data subjects (for the audit trail).</summary>
    public static readonly IReadOnlyDictionary<string, DataSubject> Subjects = new Dictionary<string, DataSubject>
    {
        ["Person"] = new("idNumber", "CITIZEN_ID"),
        ["LegalPerson"] = new("creditCode", "CREDIT_CODE"),
    };

    /// <summary>The base items and <paramref name="item"/>.</summary>
    public static ShareCatalogue With(params CatalogueResource[] items) => new(
        Agencies,
        DivisionFields,
        [Resource(Base, ShareClass.Unconditional, null, "Query.person", "Query.licence", "Query.legalPerson", "Person.idNumber", "Person.name"), .. items],
        subjects: Subjects);

    public static Caller Caller(string agency, string division, string user = "zhang.wei") => new(user, agency, division, new HashSet<string>());

    public static Grant Grant(string agency, string resource, Purpose purpose, DateTimeOffset from, DateTimeOffset until, DateTimeOffset? revokedAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), resource, agency, [purpose], from, until, revokedAt);
}
