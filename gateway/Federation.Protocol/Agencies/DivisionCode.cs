using System.Diagnostics.CodeAnalysis;

namespace Federation.Protocol.Agencies;

/// <summary>How deep in the administrative hierarchy a <see cref="DivisionCode"/> sits.</summary>
public enum DivisionLevel
{
    /// <summary>省级: the last four digits are 0000.</summary>
    Province,

    /// <summary>地级: the last two digits are 00.</summary>
    Prefecture,

    /// <summary>县级.</summary>
    County,
}

/// <summary>
/// An administrative division code by GB/T 2260: six digits, two each for the province, the
/// prefecture and the county. The province part must be one of the standard's provinces
/// (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82); a county part without a prefecture
/// part (e.g. 110001) is refused. Only the six-digit county-level codes are accepted: the 9- and
/// 12-digit township and village codes that GB/T 10114 derives are a different scalar if a
/// subgraph ever needs them. Whether a code is still in force is not checked here — that is data,
/// not syntax, and identity numbers keep codes that have since been abolished.
/// </summary>
public readonly record struct DivisionCode
{
    private DivisionCode(string value) => Value = value;

    public string Value { get; }

    public DivisionLevel Level =>
        Value.AsSpan(2).SequenceEqual("0000") ? DivisionLevel.Province
        : Value.AsSpan(4).SequenceEqual("00") ? DivisionLevel.Prefecture
        : DivisionLevel.County;

    /// <summary>The province of a prefecture, the prefecture of a county; null for a province.</summary>
    public DivisionCode? Parent => Level switch
    {
        DivisionLevel.Province => null,
        DivisionLevel.Prefecture => new DivisionCode(string.Concat(Value.AsSpan(0, 2), "0000")),
        _ => new DivisionCode(string.Concat(Value.AsSpan(0, 4), "00")),
    };

    /// <summary>The province this division belongs to (itself for a province).</summary>
    public DivisionCode Province => new(string.Concat(Value.AsSpan(0, 2), "0000"));

    /// <summary>Whether this division is <paramref name="other"/> or lies within it.</summary>
    public bool IsWithin(DivisionCode other) => other.Level switch
    {
        DivisionLevel.Province => Value.AsSpan(0, 2).SequenceEqual(other.Value.AsSpan(0, 2)),
        DivisionLevel.Prefecture => Value.AsSpan(0, 4).SequenceEqual(other.Value.AsSpan(0, 4)),
        _ => Value == other.Value,
    };

    /// <summary>Parses and checks <paramref name="text"/>; on failure <paramref name="error"/> names the broken rule.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DivisionCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        code = new DivisionCode(text!);
        return true;
    }

    /// <exception cref="FormatException">It is not a division code; the message names the rule.</exception>
    public static DivisionCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public override string ToString() => Value;

    private static string? Check(string? text)
    {
        if (text is null || text.Length != 6 || !IsDigits(text))
        {
            return "DivisionCode must be 6 digits (GB/T 2260).";
        }

        var province = (text[0] - '0') * 10 + (text[1] - '0');
        if (!IsProvince(province))
        {
            return $"DivisionCode province {text[..2]} is not a province of GB/T 2260.";
        }

        if (text.AsSpan(2, 2).SequenceEqual("00") && !text.AsSpan(4, 2).SequenceEqual("00"))
        {
            return $"DivisionCode {text} has a county part without a prefecture part (GB/T 2260).";
        }

        return null;
    }

    private static bool IsProvince(int code) => code is
        (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46)
        or (>= 50 and <= 54) or (>= 61 and <= 65) or 71 or 81 or 82;

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
