using System.Text;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation;

/// <summary>
/// Prints values and type references inside error messages exactly as graphql-js 17's
/// <c>printForError</c> does: lists and objects on one line until they pass 80 characters,
/// then one item per line indented by two spaces.
/// </summary>
internal static class ErrorPrinter
{
    private const int MaxLineLength = 80;

    public static string Print(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => "",
    };

    public static string Print(ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                return "$" + variable.Name.Value;
            case IntValueNode i:
                return i.Value;
            case FloatValueNode f:
                return f.Value;
            case StringValueNode s:
                return s.Block ? PrintBlockString(s.Value) : PrintString(s.Value);
            case BooleanValueNode b:
                return b.Value ? "true" : "false";
            case NullValueNode:
                return "null";
            case EnumValueNode e:
                return e.Value;
            case ListValueNode list:
                var items = new string[list.Values.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Print(list.Values[i]);
                }

                return 2 + JoinedLength(items, 2) > MaxLineLength
                    ? "[\n" + Indent(string.Join('\n', items)) + "\n]"
                    : "[" + string.Join(", ", items) + "]";
            case ObjectValueNode obj:
                var fields = new string[obj.Fields.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = obj.Fields[i].Name.Value + ": " + Print(obj.Fields[i].Value);
                }

                return 4 + JoinedLength(fields, 2) > MaxLineLength
                    ? "{\n" + Indent(string.Join('\n', fields)) + "\n}"
                    : "{ " + string.Join(", ", fields) + " }";
            default:
                return "";
        }
    }

    /// <summary>graphql-js <c>printString</c>: a JSON-like quoted string with control characters escaped.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case < '\x20' or (>= '\x7f' and <= '\x9f'):
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string PrintBlockString(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = escaped.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(line => line.Length == 0 || line[0] is ' ' or '\t');
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && value[0] is ' ' or '\t';
        var result = new StringBuilder("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }

    private static int JoinedLength(string[] items, int separatorLength)
    {
        var length = 0;
        foreach (var item in items)
        {
            if (item.Length != 0)
            {
                length += (length == 0 ? 0 : separatorLength) + item.Length;
            }
        }

        return length;
    }

    private static string Indent(string text) => text.Length == 0 ? text : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);
}
