using System.Text;

namespace Federation.GraphQL.Language;

/// <summary>Block strings: the spec's dedent when reading, graphql-js's layout when printing.</summary>
internal static class BlockString
{
    /// <summary>
    /// BlockStringValue(rawValue) on raw lines already split at line terminators: remove the
    /// common indentation of all lines but the first, then drop blank lines at both ends.
    /// https://spec.graphql.org/September2025/#BlockStringValue()
    /// </summary>
    public static string Dedent(ReadOnlySpan<char> content, List<(int Start, int Length)> lines)
    {
        var commonIndent = int.MaxValue;
        var firstNonEmpty = -1;
        var lastNonEmpty = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = content.Slice(lines[i].Start, lines[i].Length);
            var indent = LeadingWhiteSpace(line);
            if (indent == line.Length)
            {
                continue;
            }

            if (firstNonEmpty < 0)
            {
                firstNonEmpty = i;
            }

            lastNonEmpty = i;
            if (i != 0 && indent < commonIndent)
            {
                commonIndent = indent;
            }
        }

        if (firstNonEmpty < 0)
        {
            return "";
        }

        var builder = new StringBuilder(content.Length);
        for (var i = firstNonEmpty; i <= lastNonEmpty; i++)
        {
            if (i != firstNonEmpty)
            {
                builder.Append('\n');
            }

            var line = content.Slice(lines[i].Start, lines[i].Length);
            if (i != 0)
            {
                line = commonIndent >= line.Length ? [] : line[commonIndent..];
            }

            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>graphql-js printBlockString: how a value is laid out between triple quotes.</summary>
    public static string Print(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lineCount = 1;
        var laterLinesIndented = true;
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            if (c == '\r' && i + 1 < escaped.Length && escaped[i + 1] == '\n')
            {
                i++;
            }

            lineCount++;
            var next = i + 1 < escaped.Length ? escaped[i + 1] : '\n';
            if (next != '\n' && next != '\r' && !IsWhiteSpace(next))
            {
                laterLinesIndented = false;
            }
        }

        var isSingleLine = lineCount == 1;
        var forceLeadingNewLine = lineCount > 1 && laterLinesIndented;
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes;
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);

        var builder = new StringBuilder(escaped.Length + 8).Append("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            builder.Append('\n');
        }

        builder.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewline)
        {
            builder.Append('\n');
        }

        return builder.Append("\"\"\"").ToString();
    }

    private static int LeadingWhiteSpace(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsWhiteSpace(char c) => c == ' ' || c == '\t';
}
