namespace Federation.Subgraphs.DemoData;

/// <summary>Surnames common in Ningbo, most frequent first, and given-name characters.</summary>
internal static class ChineseNames
{
    public static readonly string[] Surnames =
    [
        "陈", "王", "张", "李", "林", "徐", "周", "胡", "俞", "应", "叶", "黄", "吴", "杨", "刘", "赵", "孙", "朱", "沈", "郑",
        "毛", "邵", "蒋", "潘", "董", "杜", "范", "金", "邬", "袁", "钱", "余", "方", "戴", "顾", "竺", "屠", "忻", "裘", "史",
    ];

    public static readonly string[] Male =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁", "浩",
        "宇", "轩", "博", "俊", "晨", "建", "国", "志", "海", "峰",
    ];

    public static readonly string[] Female =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "琳", "颖", "倩", "洁", "佳", "欣", "怡", "萍",
        "红", "梅", "莉", "蓉", "丹", "晶", "慧", "瑶", "雯", "悦",
    ];

    public static readonly string[] Neutral = ["文", "嘉", "思", "晓", "子", "一", "雨", "安", "可", "宏", "立", "春", "秋", "新", "永"];

    public static string PersonName(ref DemoRandom random, Gender gender)
    {
        var surname = random.NextDouble() < 0.6 ? Surnames[random.NextInt(12)] : random.Pick(Surnames);
        var given = gender == Gender.Male ? Male : Female;
        return random.Chance(0.3)
            ? surname + random.Pick(given)
            : surname + (random.Chance(0.5) ? random.Pick(Neutral) : random.Pick(given)) + random.Pick(given);
    }

    /// <summary>Characters for trade names (字号) of enterprises.</summary>
    public static readonly string[] TradeName =
    [
        "甬", "明", "港", "海", "华", "东", "天", "宏", "盛", "鑫", "恒", "泰", "隆", "源", "达", "顺", "瑞", "丰", "博", "诚",
        "信", "通", "汇", "凯", "越", "新", "嘉", "昌", "永", "兴", "邦", "正", "大", "宇", "益", "和", "利", "德", "安", "远",
        "宁", "波", "四", "江", "浙", "光", "美", "金", "银", "创", "智", "联", "中", "科", "力", "锦", "辉", "众", "宝", "星",
    ];

    /// <summary>What an enterprise does, as its name says it; the legal-person subgraph maps each to a GB/T 4754 class.</summary>
    public static readonly string[] Sectors =
    [
        "科技", "贸易", "机械", "电子", "服饰", "食品", "建设", "物流", "化工", "模具",
        "塑业", "文具", "电器", "港口服务", "汽车零部件", "餐饮管理", "信息技术", "医药", "水产", "房地产开发",
    ];
}
