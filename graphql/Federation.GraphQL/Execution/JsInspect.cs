using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Federation.GraphQL.Execution;

/// <summary>
/// Prints a runtime value the way graphql-js's <c>inspect</c> does, because execution and
/// coercion error messages quote values with it and must match graphql-js word for word.
/// </summary>
internal static class JsInspect
{
    private const int MaxArrayLength = 10;
    private const int MaxRecursiveDepth = 2;

    public static string Inspect(object? value)
    {
        var builder = new StringBuilder();
        Format(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>JavaScript's <c>Number.prototype.toString()</c>: shortest round-trip digits, JS layout.</summary>
    public static string FormatNumber(double number)
    {
        if (double.IsNaN(number))
        {
            return "NaN";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "Infinity" : "-Infinity";
        }

        if (number == 0)
        {
            return "0";
        }

        // "R" yields the shortest round-trip digits; only their layout differs from JavaScript's.
        var shortest = Math.Abs(number).ToString("R", CultureInfo.InvariantCulture);
        var digits = new StringBuilder();
        int pointAfter;
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        pointAfter = (dot < 0 ? mantissa.Length : dot) + exponent;
        foreach (var c in mantissa)
        {
            if (c != '.')
            {
                digits.Append(c);
            }
        }

        // Strip leading zeros (0.001 -> digits "0001") and trailing zeros of the digit string.
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            pointAfter--;
        }

        digits.Remove(0, lead);
        while (digits.Length > 1 && digits[^1] == '0')
        {
            digits.Length--;
        }

        var k = digits.Length;
        var n = pointAfter;
        var result = new StringBuilder(number < 0 ? "-" : string.Empty);
        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits.ToString(0, n)).Append('.').Append(digits.ToString(n, k - n));
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
                result.Append('.').Append(digits.ToString(1, k - 1));
            }

            result.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1));
        }

        return result.ToString();
    }

    private static void Format(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string s:
                builder.Append(JsonSerializer.Serialize(s, JsonText.Options));
                return;
            case bool b:
                builder.Append(b ? "true" : "false");
                return;
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case double d:
                builder.Append(FormatNumber(d));
                return;
            case float f:
                builder.Append(FormatNumber(f));
                return;
            case decimal m:
                builder.Append(FormatNumber((double)m));
                return;
            case JsonElement element:
                FormatJson(builder, element, depth);
                return;
            case Exception exception:
                // graphql-js inspects an Error as its own enumerable properties: usually none.
                builder.Append("{}");
                _ = exception;
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                FormatObject(builder, map, depth);
                return;
            case IEnumerable list:
                FormatArray(builder, list, depth);
                return;
            default:
                FormatObject(builder, PropertiesOf(value), depth);
                return;
        }
    }

    private static void FormatObject(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> entries, int depth)
    {
        var start = builder.Length;
        var any = false;
        foreach (var (key, item) in entries)
        {
            if (!any)
            {
                if (depth >= MaxRecursiveDepth)
                {
                    builder.Append("[Object]");
                    return;
                }

                builder.Append("{ ");
                any = true;
            }
            else
            {
                builder.Append(", ");
            }

            builder.Append(key).Append(": ");
            Format(builder, item, depth + 1);
        }

        builder.Append(any ? " }" : "{}");
        _ = start;
    }

    private static void FormatArray(StringBuilder builder, IEnumerable list, int depth)
    {
        var count = 0;
        foreach (var item in list)
        {
            if (count == 0)
            {
                if (depth >= MaxRecursiveDepth)
                {
                    builder.Append("[Array]");
                    return;
                }

                builder.Append('[');
            }

            if (count < MaxArrayLength)
            {
                if (count > 0)
                {
                    builder.Append(", ");
                }

                Format(builder, item, depth + 1);
            }

            count++;
        }

        if (count == 0)
        {
            builder.Append("[]");
            return;
        }

        var remaining = count - MaxArrayLength;
        if (remaining == 1)
        {
            builder.Append(", ... 1 more item");
        }
        else if (remaining > 1)
        {
            builder.Append(", ... ").Append(remaining).Append(" more items");
        }

        builder.Append(']');
    }

    private static void FormatJson(StringBuilder builder, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                FormatObject(builder, JsonEntries(element), depth);
                break;
            case JsonValueKind.Array:
                FormatArray(builder, JsonItems(element), depth);
                break;
            default:
                Format(builder, JsonText.ToClr(element), depth);
                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> JsonEntries(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            yield return new(property.Name, property.Value);
        }
    }

    private static IEnumerable<object?> JsonItems(JsonElement element)
    {
        foreach (var item in element.EnumerateArray())
        {
            yield return item;
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> PropertiesOf(object value)
    {
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                yield return new(property.Name, property.GetValue(value));
            }
        }
    }
}
