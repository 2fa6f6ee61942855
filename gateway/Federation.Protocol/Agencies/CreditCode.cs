using System.Diagnostics.CodeAnalysis;

namespace Federation.Protocol.Agencies;

/// <summary>
/// A unified social credit code (统一社会信用代码) by GB 32100-2015: 18 characters from the
/// 31-character set 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z) — a registration authority code,
/// a kind code valid for that authority, a 6-digit division code (GB/T 2260, or 100000 for
/// national bodies), a 9-character organisation code whose own 9th character is its GB 11714
/// check character, and a check character by MOD 31. Lower-case letters are accepted and kept
/// upper-case. Usable without GraphQL: see <see cref="TryParse"/> and <see cref="CheckCharacter"/>.
/// </summary>
public readonly record struct CreditCode
{
    /// <summary>The code set; a character's value is its index.</summary>
    public const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// The registration authorities (登记管理部门码) and the kinds of body (机构类别码) each registers,
    /// as the code tables of GB 32100-2015 and its amendment are published.
    /// </summary>
    private static readonly Dictionary<char, string> KindsByAuthority = new()
    {
        ['1'] = "1239", // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
        ['2'] = "19", // 外交: 外国常驻新闻机构, 其他
        ['3'] = "123459", // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
        ['4'] = "19", // 文化: 外国在华文化中心, 其他
        ['5'] = "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        ['6'] = "129", // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地代表机构, 其他
        ['7'] = "129", // 宗教: 宗教活动场所, 宗教院校, 其他
        ['8'] = "19", // 工会: 基层工会, 其他
        ['9'] = "123", // 工商: 企业, 个体工商户, 农民专业合作社
        ['A'] = "19", // 中央军委改革和编制办公室: 军队事业单位, 其他
        ['N'] = "1239", // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
        ['Y'] = "1", // 其他
    };

    private CreditCode(string value) => Value = value;

    /// <summary>The 18 characters, upper-case.</summary>
    public string Value { get; }

    public char RegistrationAuthority => Value[0];

    public char Kind => Value[1];

    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>The GB 11714 organisation code, its check character included.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>Parses and checks <paramref name="text"/>; on failure <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CreditCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var upper = text?.ToUpperInvariant();
        error = Check(upper);
        if (error is not null)
        {
            return false;
        }

        code = new CreditCode(upper!);
        return true;
    }

    /// <exception cref="FormatException">It is not a credit code; the message names the rule.</exception>
    public static CreditCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>The check character for the first 17 characters: 31 − (Σ value × weight mod 31), 31 read as 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not 17 characters of the code set.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || first17.IndexOfAnyExcept(Characters) >= 0)
        {
            throw new ArgumentException("The first 17 characters of a credit code are from its code set.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Characters.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Characters[(31 - sum % 31) % 31];
    }

    /// <summary>
    /// The GB 11714 check character of an organisation code's first 8 characters:
    /// 11 − (Σ value × weight mod 11) with weights 3 7 9 10 5 8 4 2, 10 written X and 11 written 0.
    /// Digits are worth themselves, letters A–Z 10–35.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="first8"/> is not 8 digits or upper-case letters.</exception>
    public static char OrganisationCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("An organisation code has 8 characters before its check character.", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException("An organisation code holds digits and upper-case letters.", nameof(first8));
            sum += value * OrganisationWeights[i];
        }

        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }

    public override string ToString() => Value;

    private static string? Check(string? text)
    {
        if (text is null || text.Length != 18)
        {
            return "CreditCode must be 18 characters (GB 32100).";
        }

        var wrong = text.AsSpan().IndexOfAnyExcept(Characters);
        if (wrong >= 0)
        {
            return $"CreditCode character {text[wrong]} at position {wrong + 1} is not in the code set 0-9 A-H J-N P-R T-U W-Y (GB 32100).";
        }

        if (!KindsByAuthority.TryGetValue(text[0], out var kinds))
        {
            return $"CreditCode registration authority code {text[0]} is not one of 1-9, A, N, Y (GB 32100).";
        }

        if (!kinds.Contains(text[1], StringComparison.Ordinal))
        {
            return $"CreditCode kind code {text[1]} is not a kind registered by authority {text[0]} (GB 32100).";
        }

        var division = text.Substring(2, 6);
        if (division != "100000" && !Agencies.DivisionCode.TryParse(division, out _, out var divisionError))
        {
            return $"CreditCode division code {division} is not valid: {divisionError}";
        }

        var organisationCheck = OrganisationCheckCharacter(text.AsSpan(8, 8));
        if (text[16] != organisationCheck)
        {
            return $"CreditCode organisation code check character is {text[16]}, expected {organisationCheck} (GB 11714).";
        }

        var check = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != check)
        {
            return $"CreditCode check character is {text[17]}, expected {check} (GB 32100, MOD 31).";
        }

        return null;
    }
}
