using System.Collections.Frozen;

namespace Federation.Subgraphs.Spatial.Domain;

/// <summary>
/// A land use class of GB/T 21010-2017 (土地利用现状分类): the second-level classes, a four-digit
/// code whose first two digits are the first-level class (01 耕地 … 12 其他土地).
/// </summary>
internal sealed record LandUse(string Code, string Name)
{
    public static readonly IReadOnlyList<LandUse> Classes =
    [
        new("0101", "水田"), new("0102", "水浇地"), new("0103", "旱地"),
        new("0201", "果园"), new("0202", "茶园"), new("0204", "其他园地"),
        new("0301", "乔木林地"), new("0302", "竹林地"), new("0307", "其他林地"),
        new("0401", "天然牧草地"), new("0404", "其他草地"),
        new("0501", "零售商业用地"), new("0502", "批发市场用地"), new("0503", "餐饮用地"), new("0504", "旅馆用地"),
        new("0505", "商务金融用地"), new("0506", "娱乐用地"), new("0507", "其他商服用地"),
        new("0601", "工业用地"), new("0602", "采矿用地"), new("0603", "盐田"), new("0604", "仓储用地"),
        new("0701", "城镇住宅用地"), new("0702", "农村宅基地"),
        new("0801", "机关团体用地"), new("0802", "新闻出版用地"), new("0803", "教育用地"), new("0804", "科研用地"),
        new("0805", "医疗卫生用地"), new("0806", "社会福利用地"), new("0807", "文化设施用地"), new("0808", "体育用地"),
        new("0809", "公用设施用地"), new("0810", "公园与绿地"),
        new("0901", "军事设施用地"), new("0902", "使领馆用地"), new("0903", "监教场所用地"), new("0904", "宗教用地"),
        new("0905", "殡葬用地"), new("0906", "风景名胜设施用地"),
        new("1001", "铁路用地"), new("1002", "轨道交通用地"), new("1003", "公路用地"), new("1004", "城镇村道路用地"),
        new("1005", "交通服务场站用地"), new("1006", "农村道路"), new("1007", "机场用地"), new("1008", "港口码头用地"),
        new("1101", "河流水面"), new("1102", "湖泊水面"), new("1104", "坑塘水面"), new("1109", "水工建筑用地"),
        new("1201", "空闲地"), new("1202", "设施农用地"),
    ];

    private static readonly FrozenDictionary<string, LandUse> ByCode = Classes.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    /// <summary>The class of <paramref name="code"/>; a code the register holds is always known.</summary>
    public static LandUse Of(string code) => ByCode.TryGetValue(code, out var landUse) ? landUse : new LandUse(code, code);
}
