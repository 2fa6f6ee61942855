using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Federation.GraphQL.Types;

/// <summary>
/// Renders a CLR value the way graphql-js's <c>inspect</c> renders the JavaScript value it
/// stands for, so that coercion messages read the same: strings JSON-quoted, numbers as
/// JavaScript prints them, lists as <c>[1, 2]</c>, maps as <c>{ a: 1 }</c>, at most ten list
/// items and three levels deep.
/// </summary>
internal static class ValueInspector
{
    private const int MaxListLength = 10;
    private const int MaxDepth = 2;

    public static string Inspect(object? value) => Format(value, 0);

    /// <summary>A CLR number as a JavaScript number, or null when <paramref name="value"/> is no number.</summary>
    public static double? AsJsNumber(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul,
        _ => null,
    };

    private static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return Quote(s);
            case bool b:
                return b ? "true" : "false";
            case BigInteger big:
                return big.ToString(CultureInfo.InvariantCulture);
            case IReadOnlyDictionary<string, object?> map:
                return FormatObject(map, depth);
            case IDictionary dictionary:
                return FormatObject(ToMap(dictionary), depth);
            case IEnumerable list:
                return FormatList(list, depth);
        }

        if (AsJsNumber(value) is { } number)
        {
            return JsNumber.Format(number);
        }

        return value.ToString() ?? string.Empty;
    }

    private static string FormatObject(IReadOnlyDictionary<string, object?> map, int depth)
    {
        if (map.Count == 0)
        {
            return "{}";
        }

        if (depth >= MaxDepth)
        {
            return "[Object]";
        }

        var builder = new StringBuilder("{ ");
        var first = true;
        foreach (var (key, item) in map)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(key).Append(": ").Append(Format(item, depth + 1));
        }

        return builder.Append(" }").ToString();
    }

    private static string FormatList(IEnumerable list, int depth)
    {
        var items = new List<object?>();
        foreach (var item in list)
        {
            items.Add(item);
        }

        if (items.Count == 0)
        {
            return "[]";
        }

        if (depth >= MaxDepth)
        {
            return "[Array]";
        }

        var shown = Math.Min(MaxListLength, items.Count);
        var parts = new List<string>(shown + 1);
        for (var i = 0; i < shown; i++)
        {
            parts.Add(Format(items[i], depth + 1));
        }

        var remaining = items.Count - shown;
        if (remaining == 1)
        {
            parts.Add("... 1 more item");
        }
        else if (remaining > 1)
        {
            parts.Add($"... {remaining} more items");
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    private static Dictionary<string, object?> ToMap(IDictionary dictionary)
    {
        var map = new Dictionary<string, object?>();
        foreach (DictionaryEntry entry in dictionary)
        {
            map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
        }

        return map;
    }

    /// <summary>JSON.stringify of a string: short escapes where JSON has them, lower-case \u00xx otherwise.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    var loneSurrogate = char.IsHighSurrogate(c)
                        ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
                    if (c < ' ' || loneSurrogate)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
