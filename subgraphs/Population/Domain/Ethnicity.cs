namespace Federation.Subgraphs.Population.Domain;

/// <summary>An ethnic group by GB/T 3304: the two-digit code and the name.</summary>
internal sealed record Ethnicity(string Code, string Name)
{
    public const string HanCode = "01";

    /// <summary>
    /// The 56 groups of GB/T 3304-1991 in the standard's order, each with its population in
    /// thousands by the 2020 census (at least 20, so that the smallest groups still turn up in a
    /// large seed); the seed draws minorities by these weights.
    /// </summary>
    internal static readonly IReadOnlyList<(Ethnicity Group, int Weight)> Groups =
    [
        (new("01", "汉族"), 1_286_310), (new("02", "蒙古族"), 6_290), (new("03", "回族"), 11_378), (new("04", "藏族"), 7_060),
        (new("05", "维吾尔族"), 11_774), (new("06", "苗族"), 11_067), (new("07", "彝族"), 9_830), (new("08", "壮族"), 19_568),
        (new("09", "布依族"), 3_577), (new("10", "朝鲜族"), 1_702), (new("11", "满族"), 10_423), (new("12", "侗族"), 3_495),
        (new("13", "瑶族"), 3_309), (new("14", "白族"), 2_091), (new("15", "土家族"), 9_588), (new("16", "哈尼族"), 1_733),
        (new("17", "哈萨克族"), 1_562), (new("18", "傣族"), 1_329), (new("19", "黎族"), 1_602), (new("20", "傈僳族"), 762),
        (new("21", "佤族"), 430), (new("22", "畲族"), 746), (new("23", "高山族"), 20), (new("24", "拉祜族"), 499),
        (new("25", "水族"), 496), (new("26", "东乡族"), 774), (new("27", "纳西族"), 323), (new("28", "景颇族"), 160),
        (new("29", "柯尔克孜族"), 204), (new("30", "土族"), 281), (new("31", "达斡尔族"), 132), (new("32", "仫佬族"), 277),
        (new("33", "羌族"), 312), (new("34", "布朗族"), 127), (new("35", "撒拉族"), 165), (new("36", "毛南族"), 124),
        (new("37", "仡佬族"), 677), (new("38", "锡伯族"), 191), (new("39", "阿昌族"), 43), (new("40", "普米族"), 45),
        (new("41", "塔吉克族"), 50), (new("42", "怒族"), 37), (new("43", "乌孜别克族"), 20), (new("44", "俄罗斯族"), 20),
        (new("45", "鄂温克族"), 34), (new("46", "德昂族"), 22), (new("47", "保安族"), 24), (new("48", "裕固族"), 20),
        (new("49", "京族"), 33), (new("50", "塔塔尔族"), 20), (new("51", "独龙族"), 20), (new("52", "鄂伦春族"), 20),
        (new("53", "赫哲族"), 20), (new("54", "门巴族"), 20), (new("55", "珞巴族"), 20), (new("56", "基诺族"), 26),
    ];

    private static readonly Dictionary<string, Ethnicity> ByCode = Groups.ToDictionary(g => g.Group.Code, g => g.Group, StringComparer.Ordinal);

    public static Ethnicity Han => Groups[0].Group;

    public static Ethnicity? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var group) ? group : null;
}
