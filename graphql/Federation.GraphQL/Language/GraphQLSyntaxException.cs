using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Federation.GraphQL.Language;

/// <summary>
/// A document that is not GraphQL: its <see cref="GraphQLException.Error"/> carries graphql-js's
/// message ("Syntax Error: …") and the one location where parsing stopped.
/// </summary>
public sealed class GraphQLSyntaxException : GraphQLException
{
    internal GraphQLSyntaxException(string source, int position, string description)
        : base(new GraphQLError("Syntax Error: " + description, [SourceText.LocationOf(source, position)]))
    {
        DocumentText = source;
        Position = position;
    }

    /// <summary>The text that failed to parse.</summary>
    public string DocumentText { get; }

    /// <summary>Character offset of the error in <see cref="Source"/>.</summary>
    public int Position { get; }

    public SourceLocation Location => Error.Locations[0];

    /// <summary>
    /// The message followed by the offending line between its neighbours and a caret under the
    /// column, as graphql-js's <c>GraphQLError.toString()</c> prints it.
    /// </summary>
    public string Render() => Error.Message + "\n\n" + SourceText.PrintLocation(DocumentText, Location);

    public override string ToString() => Render();
}

/// <summary>Line arithmetic on source text, counting "\r\n", "\n" and "\r" as line terminators.</summary>
internal static class SourceText
{
    public static SourceLocation LocationOf(string source, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < source.Length && i < position; i++)
        {
            var c = source[i];
            if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(line, position + 1 - lineStart);
    }

    /// <summary>graphql-js printSourceLocation for a source named "GraphQL request".</summary>
    public static string PrintLocation(string source, SourceLocation location)
    {
        var lines = SplitLines(source);
        var lineIndex = location.Line - 1;
        var lineNumber = location.Line;
        var column = location.Column;
        var locationLine = lineIndex < lines.Count ? lines[lineIndex] : "";
        var output = new StringBuilder().Append("GraphQL request:").Append(lineNumber).Append(':').Append(column).Append('\n');

        if (locationLine.Length > 120)
        {
            var subLines = new List<string>();
            for (var i = 0; i < locationLine.Length; i += 80)
            {
                subLines.Add(locationLine.Substring(i, Math.Min(80, locationLine.Length - i)));
            }

            var subLineIndex = Math.Min((column - 1) / 80, subLines.Count - 1);
            var subLineColumn = column - (subLineIndex * 80);
            var prefixed = new List<(string Prefix, string? Line)> { ($"{lineNumber} |", subLines[0]) };
            for (var i = 1; i <= subLineIndex; i++)
            {
                prefixed.Add(("|", subLines[i]));
            }

            prefixed.Add(("|", Caret(subLineColumn)));
            prefixed.Add(("|", subLineIndex + 1 < subLines.Count ? subLines[subLineIndex + 1] : null));
            AppendPrefixed(output, prefixed);
            return output.ToString();
        }

        AppendPrefixed(output,
        [
            ($"{lineNumber - 1} |", lineIndex - 1 >= 0 ? lines[lineIndex - 1] : null),
            ($"{lineNumber} |", locationLine),
            ("|", Caret(column)),
            ($"{lineNumber + 1} |", lineIndex + 1 < lines.Count ? lines[lineIndex + 1] : null),
        ]);
        return output.ToString();
    }

    private static string Caret(int column) => new string(' ', Math.Max(0, column - 1)) + "^";

    private static void AppendPrefixed(StringBuilder output, List<(string Prefix, string? Line)> lines)
    {
        var padding = 0;
        foreach (var (prefix, line) in lines)
        {
            if (line is not null)
            {
                padding = Math.Max(padding, prefix.Length);
            }
        }

        var first = true;
        foreach (var (prefix, line) in lines)
        {
            if (line is null)
            {
                continue;
            }

            if (!first)
            {
                output.Append('\n');
            }

            first = false;
            output.Append(prefix.PadLeft(padding));
            if (line.Length > 0)
            {
                output.Append(' ').Append(line);
            }
        }
    }

    private static List<string> SplitLines(string source)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\n' || c == '\r')
            {
                lines.Add(source[start..i]);
                if (c == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(source[start..]);
        return lines;
    }
}

/// <summary>Throw helpers, so the lexer's and parser's hot paths stay short.</summary>
internal static class SyntaxError
{
    [DoesNotReturn]
    public static void Throw(string source, int position, string description) =>
        throw new GraphQLSyntaxException(source, position, description);
}
