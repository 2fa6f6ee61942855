namespace Federation.Subgraphs.Licences.Domain;

/// <summary>
/// The catalogue of electronic licence types the library holds, in code order. Codes are the
/// pinyin initials of the names (a national catalogue code would be the issuing ministry's credit
/// code and a serial, which says less to a reader). Agency roles name the demo world's roles.
/// Each type's items are one GraphQL object type of the <c>LicenceItems</c> union, a field per
/// item named by its key, so each item can belong to the catalogue resource of the data it copies.
/// </summary>
internal static class LicenceCatalogue
{
    public static readonly LicenceType RealEstateTitle = new(
        "BDCQZS", "不动产权证书", "RealEstateTitleItems", HolderKind.Person, AgencyRoles.NaturalResources, null,
        [
            Required("location", "坐落"),
            Required("unitNumber", "不动产单元号"),
            Required("rightType", "权利类型"),
            Required("rightNature", "权利性质"),
            Required("use", "用途"),
            Required("area", "面积"),
            Optional("termOfUse", "使用期限"),
            Required("coOwnership", "共有情况"),
        ])
    { RowResource = LicenceRowResources.RealEstateTitleItems };

    public static readonly LicenceType RoadTransportPermit = new(
        "DLYSJYXKZ", "道路运输经营许可证", "RoadTransportPermitItems", HolderKind.LegalPerson, AgencyRoles.Transport, 4,
        [
            Required("principal", "负责人"),
            Required("address", "地址"),
            Required("economicType", "经济类型"),
            Required("businessScope", "经营范围"),
        ]);

    public static readonly LicenceType DrivingLicence = new(
        "JDCJSZ", "机动车驾驶证", "DrivingLicenceItems", HolderKind.Person, AgencyRoles.PublicSecurity, 6,
        [
            Required("gender", "性别"),
            Required("nationality", "国籍"),
            Required("birthDate", "出生日期", LicenceItemKind.Date),
            Required("address", "住址"),
            Required("firstIssuedOn", "初次领证日期", LicenceItemKind.Date),
            Required("vehicleClass", "准驾车型"),
            Required("fileNumber", "档案编号"),
        ]);

    public static readonly LicenceType MarriageCertificate = new(
        "JHZ", "结婚证", "MarriageCertificateItems", HolderKind.Person, AgencyRoles.CivilAffairs, null,
        [
            Required("registeredOn", "登记日期", LicenceItemKind.Date),
            Required("spouseName", "配偶姓名"),
            Required("spouseIdNumber", "配偶身份证件号", LicenceItemKind.IdNumber),
            Optional("remarks", "备注"),
        ])
    { RowResource = LicenceRowResources.MarriageCertificateItems };

    public static readonly LicenceType HouseholdRegister = new(
        "JMHKB", "居民户口簿", "HouseholdRegisterItems", HolderKind.Person, AgencyRoles.PublicSecurity, null,
        [
            Required("householdNumber", "户号"),
            Required("householdKind", "户别"),
            Required("address", "住址"),
            Optional("memberCount", "户内人口", LicenceItemKind.Count),
        ])
    { RowResource = LicenceRowResources.HouseholdRegisterItems };

    public static readonly LicenceType ConstructionQualification = new(
        "JZYQYZZZS", "建筑业企业资质证书", "ConstructionQualificationItems", HolderKind.LegalPerson, AgencyRoles.HousingConstruction, 5,
        [
            Required("legalRepresentative", "法定代表人"),
            Required("economicNature", "经济性质"),
            Required("qualification", "资质类别及等级"),
            Required("registeredCapital", "注册资本"),
        ]);

    public static readonly LicenceType SocialOrganisationCertificate = new(
        "SHTTFRDJZS", "社会团体法人登记证书", "SocialOrganisationCertificateItems", HolderKind.LegalPerson, AgencyRoles.CivilAffairs, 5,
        [
            Required("legalRepresentative", "法定代表人"),
            Required("businessScope", "业务范围"),
            Required("domicile", "住所"),
            Required("activityArea", "活动地域"),
            Required("registeredFunds", "注册资金"),
            Optional("supervisoryUnit", "业务主管单位"),
        ]);

    public static readonly LicenceType FoodBusinessLicence = new(
        "SPJYXKZ", "食品经营许可证", "FoodBusinessLicenceItems", HolderKind.LegalPerson, AgencyRoles.MarketSupervision, 5,
        [
            Required("legalRepresentative", "法定代表人"),
            Required("domicile", "住所"),
            Required("premises", "经营场所"),
            Required("businessFormat", "主体业态"),
            Required("businessItems", "经营项目"),
            Optional("supervisingAuthority", "日常监督管理机构"),
        ]);

    public static readonly LicenceType HygieneLicence = new(
        "WSXKZ", "卫生许可证", "HygieneLicenceItems", HolderKind.LegalPerson, AgencyRoles.HealthCommission, 4,
        [
            Required("legalRepresentative", "法定代表人"),
            Required("address", "地址"),
            Required("licensedItems", "许可项目"),
        ]);

    public static readonly LicenceType DrugBusinessLicence = new(
        "YPJYXKZ", "药品经营许可证", "DrugBusinessLicenceItems", HolderKind.LegalPerson, AgencyRoles.MarketSupervision, 5,
        [
            Required("legalRepresentative", "法定代表人"),
            Required("principal", "企业负责人"),
            Required("qualityPrincipal", "质量负责人"),
            Required("registeredAddress", "注册地址"),
            Optional("warehouseAddress", "仓库地址"),
            Required("businessMode", "经营方式"),
            Required("businessScope", "经营范围"),
        ]);

    public static readonly LicenceType PhysicianPracticeCertificate = new(
        "YSZYZS", "医师执业证书", "PhysicianPracticeCertificateItems", HolderKind.Person, AgencyRoles.HealthCommission, null,
        [
            Required("practiceCategory", "执业类别"),
            Required("practiceScope", "执业范围"),
            Required("practiceInstitution", "执业地点"),
        ]);

    public static readonly LicenceType BusinessLicence = new(
        "YYZZ", "营业执照", "BusinessLicenceItems", HolderKind.LegalPerson, AgencyRoles.MarketSupervision, null,
        [
            Required("enterpriseType", "类型"),
            Required("legalRepresentative", "法定代表人"),
            Required("registeredCapital", "注册资本"),
            Required("establishedOn", "成立日期", LicenceItemKind.Date),
            Required("businessTerm", "营业期限"),
            Required("domicile", "住所"),
            Required("businessScope", "经营范围"),
        ]);

    /// <summary>Every type, in code order.</summary>
    public static readonly IReadOnlyList<LicenceType> All =
    [
        RealEstateTitle, RoadTransportPermit, DrivingLicence, MarriageCertificate, HouseholdRegister,
        ConstructionQualification, SocialOrganisationCertificate, FoodBusinessLicence, HygieneLicence,
        DrugBusinessLicence, PhysicianPracticeCertificate, BusinessLicence,
    ];

    private static readonly Dictionary<string, LicenceType> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static LicenceType? Find(string code) => ByCode.GetValueOrDefault(code);

    private static LicenceItemDefinition Required(string key, string label, LicenceItemKind kind = LicenceItemKind.Text) => new(key, label, true, kind);

    private static LicenceItemDefinition Optional(string key, string label, LicenceItemKind kind = LicenceItemKind.Text) => new(key, label, false, kind);
}

/// <summary>The agency roles licence types name, as the demo world spells them.</summary>
internal static class AgencyRoles
{
    public const string PublicSecurity = "PublicSecurity";
    public const string MarketSupervision = "MarketSupervision";
    public const string NaturalResources = "NaturalResources";
    public const string CivilAffairs = "CivilAffairs";
    public const string HealthCommission = "HealthCommission";
    public const string HousingConstruction = "HousingConstruction";
    public const string Transport = "Transport";
}
