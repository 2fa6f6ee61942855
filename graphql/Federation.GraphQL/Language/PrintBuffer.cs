using System.Text;

namespace Federation.GraphQL.Language;

/// <summary>
/// A printed fragment in graphql-js's printer model: a chain of text pieces that knows its
/// length (counting the indentation it will get) and its line breaks, so that a parent can
/// decide to wrap before the text is laid out. Pieces are joined by linking, not copying, and
/// the whole chain is rendered once at the end.
/// </summary>
internal sealed class PrintBuffer
{
    /// <summary>The empty fragment. Joining and wrapping skip it and never modify it.</summary>
    public static readonly PrintBuffer Empty = new("");

    private readonly string _text;
    private readonly string[]? _lines;
    private PrintBuffer? _next;
    private PrintBuffer _tail;
    private bool _indentBefore;
    private bool _dedentAfter;

    /// <summary>A block string keeps its line breaks at any depth: they are part of its value.</summary>
    private readonly bool _isBlockString;

    public PrintBuffer(string text, bool isBlockString = false)
    {
        _text = text;
        _isBlockString = isBlockString;
        _tail = this;
        Length = text.Length;
        if (text.Contains('\n'))
        {
            _lines = text.Split('\n');
            Newlines = _lines.Length - 1;
        }
    }

    /// <summary>Characters in the rendered text, indentation included.</summary>
    public int Length { get; private set; }

    public int Newlines { get; private set; }

    public PrintBuffer Append(string text) => text.Length == 0 ? this : Append(new PrintBuffer(text));

    public PrintBuffer Append(PrintBuffer next)
    {
        if (next.Length == 0)
        {
            return this;
        }

        _tail._next = next;
        _tail = next._tail;
        Length += next.Length;
        Newlines += next.Newlines;
        return this;
    }

    /// <summary>Indents every line of this fragment by two spaces.</summary>
    public PrintBuffer Indent()
    {
        if (Length == 0)
        {
            return this;
        }

        _indentBefore = true;
        _tail._dedentAfter = true;
        Length += 2 * (Newlines + 1);
        return this;
    }

    /// <summary>
    /// Lays the chain out as text. Below <paramref name="maxIndentDepth"/> levels of indentation
    /// (graphql-js's <c>maxIndentDepth</c>) lines stop being indented and, except inside block
    /// strings, stop being broken: deeper line breaks become single spaces, so a deeply nested
    /// value cannot grow the text quadratically.
    /// </summary>
    public string Render(int maxIndentDepth = int.MaxValue)
    {
        var output = new StringBuilder(Length);
        var depth = 0;
        for (var part = this; part is not null; part = part._next)
        {
            if (part._indentBefore)
            {
                if (depth < maxIndentDepth)
                {
                    output.Append("  ");
                }

                depth++;
            }

            if (part._lines is null)
            {
                output.Append(part._text);
            }
            else
            {
                output.Append(part._lines[0]);
                var flatten = !part._isBlockString && depth >= maxIndentDepth;
                var indentation = Math.Min(depth, maxIndentDepth) * 2;
                for (var i = 1; i < part._lines.Length; i++)
                {
                    if (flatten)
                    {
                        output.Append(' ');
                    }
                    else
                    {
                        output.Append('\n').Append(' ', indentation);
                    }

                    output.Append(part._lines[i]);
                }
            }

            if (part._dedentAfter)
            {
                depth--;
            }
        }

        return output.ToString();
    }
}
