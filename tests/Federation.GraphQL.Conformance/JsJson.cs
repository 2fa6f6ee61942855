using System.Globalization;
using System.Text;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Conformance;

/// <summary>
/// Writes JSON exactly as JavaScript's <c>JSON.stringify</c> does (no spaces, members in
/// insertion order, only the escapes it makes, numbers as <c>Number.prototype.toString</c>),
/// so that a line of ours can be compared with graphql-js's byte for byte.
/// </summary>
internal static class JsJson
{
    public static string Stringify(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    public static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                WriteString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int or short or byte or sbyte or ushort or uint:
                text.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                // A JavaScript number holds integers exactly only up to 2^53.
                text.Append(Math.Abs(l) <= 9007199254740992L ? l.ToString(CultureInfo.InvariantCulture) : FormatNumber(l));
                break;
            case System.Numerics.BigInteger big:
                text.Append(FormatNumber((double)big));
                break;
            case ulong u:
                text.Append(FormatNumber(u));
                break;
            case double d:
                text.Append(FormatNumber(d));
                break;
            case float f:
                text.Append(FormatNumber(f));
                break;
            case decimal m:
                text.Append(FormatNumber((double)m));
                break;
            case IReadOnlyDictionary<string, object?> members:
                WriteObject(text, members);
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                WriteObject(text, members);
                break;
            case System.Collections.IEnumerable items:
                text.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Write(text, item);
                }

                text.Append(']');
                break;
            default:
                WriteString(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static void WriteObject(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> members)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, member) in members)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            WriteString(text, key);
            text.Append(':');
            Write(text, member);
        }

        text.Append('}');
    }

    /// <summary>JSON.stringify's QuoteJSONString: short escapes, \u00XX for other controls and lone surrogates.</summary>
    public static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>
    /// JSON.stringify of a number: ECMAScript Number::toString(10) (the engine's
    /// <see cref="JsNumber"/>), and null for what is not finite.
    /// </summary>
    public static string FormatNumber(double number) => double.IsFinite(number) ? JsNumber.Format(number) : "null";
}
