namespace Federation.Subgraphs.DemoData;

/// <summary>What an agency of the demo world does: which registers it keeps and which licences it issues.</summary>
public enum AgencyRole
{
    PublicSecurity,
    MarketSupervision,
    NaturalResources,
    GovernmentServices,
    CivilAffairs,
    HealthCommission,
    HousingConstruction,
    Transport,
    HumanResources,
    Ecology,
    Education,
    InstitutionRegistration,
}

/// <summary>An agency (机关) of the demo world; it is also a legal person of kind Agency at <see cref="Index"/>.</summary>
public sealed record AgencyInfo(int Index, string Name, AgencyRole Role, string DivisionCode);

/// <summary>The agencies of Ningbo the demo world holds: the city's bureaus and the counties' market supervision bureaus.</summary>
internal static class NingboAgencies
{
    public static readonly (string Name, AgencyRole Role, string Division)[] Definitions = BuildDefinitions();

    private static (string, AgencyRole, string)[] BuildDefinitions()
    {
        var city = NingboDivisions.City;
        var list = new List<(string, AgencyRole, string)>
        {
            ("宁波市公安局", AgencyRole.PublicSecurity, city),
            ("宁波市市场监督管理局", AgencyRole.MarketSupervision, city),
            ("宁波市自然资源和规划局", AgencyRole.NaturalResources, city),
            ("宁波市大数据发展管理局", AgencyRole.GovernmentServices, city),
            ("宁波市民政局", AgencyRole.CivilAffairs, city),
            ("宁波市卫生健康委员会", AgencyRole.HealthCommission, city),
            ("宁波市住房和城乡建设局", AgencyRole.HousingConstruction, city),
            ("宁波市交通运输局", AgencyRole.Transport, city),
            ("宁波市人力资源和社会保障局", AgencyRole.HumanResources, city),
            ("宁波市生态环境局", AgencyRole.Ecology, city),
            ("宁波市教育局", AgencyRole.Education, city),
            ("中共宁波市委机构编制委员会办公室", AgencyRole.InstitutionRegistration, city),
        };
        foreach (var county in NingboDivisions.Counties)
        {
            var prefix = county.Name.EndsWith('区') ? "宁波市" + county.Name : county.Name;
            list.Add((prefix + "市场监督管理局", AgencyRole.MarketSupervision, county.Code));
        }

        return [.. list];
    }
}
