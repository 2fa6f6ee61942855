using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;

namespace Federation.Gateway.Tests.Sharing;

/// <summary>
/// A small catalogue built in code, the callers of its agencies, and a clock the tests move:
/// what the share workflow's tests run on. The credit codes are the tests' own,
/// valid by GB 32100 so that bearer tokens can name them.
/// </summary>
internal static class SharingWorld
{
    public const string PublicSecurity = "11330200002000012A";
    public const string MarketSupervision = "113302000020000205";
    public const string CivilAffairs = "113302000020000392";
    public const string Taxation = "11330200002000047W";
    public const string BigDataBureau = "11330200002000055P";

    public const string BaseItems = "population.base";
    public const string MaritalRecords = "population.marital-records";
    public const string OpenRecords = "population.residence-history";
    public const string Religion = "population.religion";
    public const string AnnualReports = "legal-persons.annual-reports";

    /// <summary>Monday 2026-01-05, 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly ShareCatalogue Catalogue = new(
        [
            new CatalogueAgency(PublicSecurity, "宁波市公安局", "Ningbo Public Security Bureau", "330200"),
            new CatalogueAgency(MarketSupervision, "宁波市市场监督管理局", "Ningbo Market Supervision Bureau", "330200"),
            new CatalogueAgency(CivilAffairs, "宁波市民政局", "Ningbo Civil Affairs Bureau", "330200"),
            new CatalogueAgency(Taxation, "宁波市税务局", "Ningbo Taxation Bureau", "330200"),
            new CatalogueAgency(BigDataBureau, "宁波市大数据发展管理局", "Ningbo Big Data Bureau", "330200", [RegistryRoles.CompetentDepartment, RegistryRoles.Auditor]),
        ],
        new Dictionary<string, string> { ["Person"] = "registeredDivision.code" },
        [
            new CatalogueResource(BaseItems, "人口基础信息", "Population base items", PublicSecurity, ShareClass.Unconditional,
                ["Person.idNumber", "Person.name"], "JSON", [ProvisionMethod.Api], UpdateFrequency.Daily, null, null),
            new CatalogueResource(MaritalRecords, "婚姻登记信息", "Marital records", PublicSecurity, ShareClass.Conditional,
                ["Person.maritalStatus"], "JSON", [ProvisionMethod.Api, ProvisionMethod.OnlineQuery], UpdateFrequency.RealTime,
                new ShareConditions([CivilAffairs, Taxation], [Purpose.AdministrativeBasis, Purpose.DataVerification], ApplicationRequired: true, DivisionScoped: true, "Only for the matter stated."),
                null),
            new CatalogueResource(OpenRecords, "居住历史", "Residence history", PublicSecurity, ShareClass.Conditional,
                ["Person.residenceHistory"], "JSON", [ProvisionMethod.Api], UpdateFrequency.Weekly,
                new ShareConditions(null, [Purpose.WorkReference], ApplicationRequired: false, DivisionScoped: false, null),
                null),
            new CatalogueResource(Religion, "宗教信仰", "Religious belief", PublicSecurity, ShareClass.NotShared,
                ["Person.religion"], "JSON", [ProvisionMethod.Api], UpdateFrequency.Yearly, null, "The legal basis the provider cites."),
            new CatalogueResource(AnnualReports, "企业年度报告", "Annual reports", MarketSupervision, ShareClass.Conditional,
                ["LegalPerson.annualReports"], "JSON", [ProvisionMethod.Api, ProvisionMethod.BulkDownload], UpdateFrequency.Yearly,
                new ShareConditions(null, Purposes.All, ApplicationRequired: true, DivisionScoped: false, null),
                null),
        ]);

    public static Caller Applicant(string agency = CivilAffairs, string user = "wang.fang") => new(user, agency, "330200", new HashSet<string> { PlatformRoles.Applicant });

    public static Caller Approver(string agency = PublicSecurity, string user = "li.qiang") => new(user, agency, "330200", new HashSet<string> { PlatformRoles.Approver });

    public static Caller CompetentDepartment() => new("zhou.min", BigDataBureau, "330200", new HashSet<string> { PlatformRoles.CompetentDepartment });

    public static Caller Nobody(string agency = CivilAffairs) => new("chen.jie", agency, "330200", new HashSet<string>());

    public static ShareRequest MaritalRecordsRequest(DateTimeOffset? from = null, DateTimeOffset? until = null) => new(
        MaritalRecords,
        [Purpose.AdministrativeBasis, Purpose.DataVerification],
        "Checking marriage registrations against the civil register.",
        from ?? Start,
        until ?? Start.AddDays(180),
        "330200-MZ-0012");

    public static ShareWorkflow Workflow(IShareStore store, ManualClock clock, WorkingDayCalendar? calendar = null) =>
        new(store, Catalogue, calendar ?? new WorkingDayCalendar([], [], TimeSpan.FromHours(8)), new SharingOptions(), clock);
}

/// <summary>A clock the test sets and moves.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void Advance(TimeSpan by) => Now += by;
}
