using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>
/// The JSON Canonicalization Scheme, RFC 8785 (https://www.rfc-editor.org/rfc/rfc8785): no
/// whitespace, object members sorted by the UTF-16 code units of their names (§3.2.3), strings
/// escaped as ECMAScript's JSON.stringify escapes them (§3.2.2.2). Sealed content holds strings,
/// nulls, objects and arrays; numbers are accepted when they are integers of at most 2^53, which
/// ECMAScript writes as plain digits — anything else would need ECMAScript's double formatting
/// and is refused rather than written differently from other implementations.
/// </summary>
internal static class JsonCanonicalization
{
    public const string Name = "RFC8785";

    private const long MaxSafeInteger = 9_007_199_254_740_991;

    public static string Canonicalize(JsonNode? value)
    {
        var text = new StringBuilder(512);
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject members:
                WriteObject(text, members);
                break;
            case JsonArray items:
                text.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, items[i]);
                }

                text.Append(']');
                break;
            case JsonValue scalar:
                WriteScalar(text, scalar);
                break;
        }
    }

    private static void WriteObject(StringBuilder text, JsonObject members)
    {
        var names = new List<string>(members.Count);
        foreach (var member in members)
        {
            names.Add(member.Key);
        }

        // Ordinal comparison of .NET strings is comparison of UTF-16 code units, as §3.2.3 asks.
        names.Sort(string.CompareOrdinal);
        text.Append('{');
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            WriteString(text, names[i]);
            text.Append(':');
            Write(text, members[names[i]]);
        }

        text.Append('}');
    }

    private static void WriteScalar(StringBuilder text, JsonValue scalar)
    {
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, scalar.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number when scalar.TryGetValue<long>(out var integer) && Math.Abs(integer) <= MaxSafeInteger:
                text.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Number:
                throw new NotSupportedException($"RFC 8785 canonical form of the number {scalar.ToJsonString()} needs ECMAScript number formatting; sealed content uses integers of at most 2^53 only.");
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>§3.2.2.2: the two-character escapes JSON.stringify uses, <c>\u00hh</c> (lower case) for other controls and lone surrogates, everything else as is.</summary>
    internal static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(value, i))
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

    private static bool IsLoneSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
