using System.Globalization;
using System.Text;

namespace Federation.GraphQL.Types;

/// <summary>
/// Numbers as JavaScript sees them. graphql-js builds its coercion messages and string
/// conversions from JavaScript numbers, so matching its output needs the same rules:
/// <c>String(number)</c> (ECMAScript Number::toString) and <c>Number(string)</c> (StringToNumber).
/// </summary>
internal static class JsNumber
{
    /// <summary>ECMAScript Number::toString(10): shortest round-trip digits, exponent outside 1e-7..1e21.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        // "R" gives the shortest round-trip digits, as ECMAScript asks for.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var k = digits.Length;
        var n = exponent;
        var result = new StringBuilder();
        if (negative)
        {
            result.Append('-');
        }

        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }

            result.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }

    /// <summary>ECMAScript StringToNumber, as <c>Number(string)</c> does it; NaN when the text is no number.</summary>
    public static double Parse(string text)
    {
        var trimmed = TrimJsWhitespace(text);
        if (trimmed.Length == 0)
        {
            return 0;
        }

        if (trimmed.Length > 2 && trimmed[0] == '0' && char.ToLowerInvariant(trimmed[1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(trimmed[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            double result = 0;
            for (var i = 2; i < trimmed.Length; i++)
            {
                var digit = HexDigit(trimmed[i]);
                if (digit < 0 || digit >= radix)
                {
                    return double.NaN;
                }

                result = (result * radix) + digit;
            }

            return result;
        }

        var body = trimmed.AsSpan();
        var sign = 1.0;
        if (body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1 : 1;
            body = body[1..];
        }

        if (body.SequenceEqual("Infinity"))
        {
            return sign * double.PositiveInfinity;
        }

        if (!IsDecimalLiteral(body))
        {
            return double.NaN;
        }

        return sign * double.Parse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
    }

    /// <summary><c>Number.isInteger</c>.</summary>
    public static bool IsInteger(double value) => double.IsFinite(value) && Math.Floor(value) == value;

    private static (string Digits, int Exponent) Decompose(string roundTrip)
    {
        // roundTrip is "d.dddE+xx", "ddd.ddd" or "ddd"; returns the significant digits and
        // the position n of the decimal point as ECMAScript defines it (value = 0.digits × 10^n).
        var mantissa = roundTrip;
        var exponent = 0;
        var e = roundTrip.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = roundTrip[..e];
            exponent = int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var point = mantissa.IndexOf('.');
        var integerPart = point >= 0 ? mantissa[..point] : mantissa;
        var fraction = point >= 0 ? mantissa[(point + 1)..] : string.Empty;
        var digits = integerPart + fraction;
        var n = integerPart.Length + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..];
        n -= leading;
        digits = digits.TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, n);
    }

    private static bool IsDecimalLiteral(ReadOnlySpan<char> text)
    {
        var i = 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static string TrimJsWhitespace(string text)
    {
        static bool IsJsWhitespace(char c) =>
            c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF'
            || (c >= '\u2000' && c <= '\u200A');

        var start = 0;
        var end = text.Length;
        while (start < end && IsJsWhitespace(text[start]))
        {
            start++;
        }

        while (end > start && IsJsWhitespace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }
}
