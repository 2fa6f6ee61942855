namespace Federation.Subgraphs.LegalPersons.Domain;

/// <summary>
/// A class (小类) of GB/T 4754-2017, Industrial classification for national economic activities:
/// the section letter and the four-digit class code, e.g. I6513, with its name and the business
/// scope a register typically records for it.
/// </summary>
internal sealed record Industry(string Code, string Name, string TypicalScope)
{
    /// <summary>The classes the register uses, by code.</summary>
    public static IReadOnlyDictionary<string, Industry> ByCode { get; } = Industries.Classes.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static Industry? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var industry) ? industry : null;

    /// <summary>
    /// Whether <paramref name="prefix"/> names a section, division, group or class by its leading
    /// characters: a section letter A–T followed by up to four digits (e.g. I, I65, I651, I6513).
    /// </summary>
    public static bool IsCodePrefix(string prefix) =>
        prefix.Length is >= 1 and <= 5
        && prefix[0] is >= 'A' and <= 'T'
        && prefix.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}

/// <summary>The GB/T 4754-2017 classes the register uses, in code order.</summary>
internal static class Industries
{
    public static readonly Industry[] Classes =
    [
        new("A0141", "蔬菜种植", "蔬菜种植、销售；组织收购、销售成员种植的蔬菜；农业技术推广服务。"),
        new("A0411", "海水养殖", "水产养殖；水产品初加工、销售。"),
        new("C1311", "稻谷加工", "粮食加工食品生产；粮食收购；食用农产品批发。"),
        new("C1432", "速冻食品制造", "速冻食品生产；食品销售；食用农产品批发。"),
        new("C1819", "其他机织服装制造", "服装制造；服装服饰批发；服装服饰零售；货物进出口。"),
        new("C2411", "文具制造", "文具制造；文具用品批发；办公用品销售；货物进出口。"),
        new("C2614", "有机化学原料制造", "化工产品生产（不含许可类化工产品）；化工产品销售（不含许可类化工产品）。"),
        new("C2720", "化学药品制剂制造", "药品生产；药品批发；医学研究和试验发展。"),
        new("C2927", "日用塑料制品制造", "塑料制品制造；塑料制品销售；日用品销售；货物进出口。"),
        new("C3484", "机械零部件加工", "机械零件、零部件加工；通用设备制造（不含特种设备制造）；五金产品批发。"),
        new("C3525", "模具制造", "模具制造；模具销售；机械设备研发。"),
        new("C3670", "汽车零部件及配件制造", "汽车零部件及配件制造；汽车零配件批发；技术进出口。"),
        new("C3851", "家用制冷电器具制造", "家用电器制造；家用电器销售；家用电器零配件销售。"),
        new("C3982", "电子电路制造", "电子电路制造；电子元器件制造；集成电路销售。"),
        new("E4710", "住宅房屋建筑", "建设工程施工；住宅室内装饰装修；建筑材料销售。"),
        new("F5181", "贸易代理", "贸易经纪；销售代理；国内贸易代理；货物进出口；技术进出口。"),
        new("F5212", "超级市场零售", "食品销售；日用百货销售；烟草制品零售；酒类经营。"),
        new("G5431", "普通货物道路运输", "道路货物运输（不含危险货物）；装卸搬运；国内货物运输代理。"),
        new("G5532", "货运港口", "港口经营；港口货物装卸搬运活动；集装箱维修。"),
        new("G5821", "货物运输代理", "国际货物运输代理；国内货物运输代理；报关业务。"),
        new("H6210", "正餐服务", "餐饮服务；餐饮管理；食品销售（仅销售预包装食品）。"),
        new("I6511", "基础软件开发", "基础软件开发；软件销售；信息技术咨询服务。"),
        new("I6513", "应用软件开发", "软件开发；信息系统集成服务；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广。"),
        new("I6531", "信息系统集成服务", "信息系统集成服务；计算机系统服务；网络技术服务；数据处理服务。"),
        new("K7010", "房地产开发经营", "房地产开发经营；房屋租赁；物业管理。"),
        new("M7320", "工程和技术研究和试验发展", "工程和技术研究和试验发展；技术服务、技术开发、技术咨询、技术转让。"),
        new("P8310", "学前教育", "实施学前教育，促进幼儿身心健康发展；幼儿保育与教育。"),
        new("P8321", "普通小学教育", "实施小学义务教育，促进基础教育发展；小学学历教育。"),
        new("P8331", "普通初中教育", "实施初中义务教育，促进基础教育发展；初中学历教育。"),
        new("P8336", "中等职业学校教育", "实施中等职业学历教育；职业技能培训。"),
        new("Q8411", "综合医院", "为人民身体健康提供医疗与护理保健服务；医疗、预防、保健、康复；医学教学与科研。"),
        new("Q8421", "社区卫生服务中心（站）", "基本医疗服务；基本公共卫生服务；健康教育与慢性病管理。"),
        new("R8831", "图书馆", "文献信息收集、整理、保存与借阅；公共阅读服务；社会教育。"),
        new("R8870", "群众文体活动", "组织开展群众文化活动；文化艺术培训；文体设施管理。"),
        new("S9221", "综合事务管理机构", "依法履行综合事务管理职能。"),
        new("S9223", "公共安全管理机构", "依法履行公共安全管理职能。"),
        new("S9224", "社会事务管理机构", "依法履行社会事务管理职能。"),
        new("S9225", "经济事务管理机构", "依法履行经济事务管理职能。"),
        new("S9226", "行政监督检查机构", "依法履行市场监督管理、行政监督检查职能。"),
        new("S9522", "行业性团体", "行业自律；行业调研；信息交流；会员服务；承接政府委托事项。"),
    ];
}
