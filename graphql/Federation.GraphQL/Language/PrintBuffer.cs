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

    public PrintBuffer(string text)
    {
        _text = text;
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

    public string Render()
    {
        var output = new StringBuilder(Length);
        var indentation = 0;
        for (var part = this; part is not null; part = part._next)
        {
            if (part._indentBefore)
            {
                indentation++;
                output.Append("  ");
            }

            if (part._lines is null)
            {
                output.Append(part._text);
            }
            else
            {
                output.Append(part._lines[0]);
                for (var i = 1; i < part._lines.Length; i++)
                {
                    output.Append('\n').Append(' ', indentation * 2).Append(part._lines[i]);
                }
            }

            if (part._dedentAfter)
            {
                indentation--;
            }
        }

        return output.ToString();
    }
}
