using System.Text;

namespace Federation.GraphQL.Tests.Language;

/// <summary>
/// Makes broken and odd documents out of valid ones for fuzzing: deletes, inserts, swaps and
/// duplicates characters and tokens, splices documents together and throws in random
/// characters (including line terminators, quotes, escapes, control characters and lone
/// surrogates). Deterministic for a given <see cref="Random"/> seed. Reusable by any layer that
/// fuzzes from source text (parse, then validate).
/// </summary>
public sealed class DocumentMutator(IReadOnlyList<string> corpus, Random random)
{
    private static readonly string[] s_tokens =
    [
        "{", "}", "(", ")", "[", "]", "...", "..", ".", "@", "$", "$a", ":", "=", "!", "|", "&", ",", "\"", "\"\"\"", "#", "\n", "\r", "\r\n", " ",
        "query", "mutation", "subscription", "fragment", "on", "type", "interface", "union", "enum", "input", "scalar", "schema",
        "directive", "extend", "implements", "repeatable", "true", "false", "null", "__typename", "id", "name", "Int", "String!",
        "[Int!]!", "0", "-1", "1.5", "1e10", "-0.0e-0", "00", "1.", ".5", "1x", "\"s\"", "\"\\u00e9\"", "\"\\u{1F600}\"", "\"\\uD83D\\uDE00\"",
        "\"\\uD800\"", "\"\\x\"", "\"\"\"block\"\"\"", "\\\"\"\"", "@include(if: $a)", "@skip(if: true)", "...F", "... on T", "{ a }",
        "a: b", "(a: 1)", "[1, 2]", "{a: 1}", "FIELD", "QUERY", "\uFEFF", "\u0000", "\uD800", "\uDC00", "\uD83D\uDE00", "é", "'",
    ];

    private static readonly string s_characters = "{}()[]...@$:=!|&,\"#\\/'`~%^*+-_.0123456789azAZ \t\n\r\u0000\u0001\u001f\u007f\u00a0\u00e9\u2028\uFEFF\uD800\uDBFF\uDC00\uDFFF";

    /// <summary>A mutated document; now and then a valid one unchanged.</summary>
    public string Next()
    {
        var document = corpus[random.Next(corpus.Count)];
        var mutations = random.Next(0, 5);
        for (var i = 0; i < mutations; i++)
        {
            document = Mutate(document);
        }

        return document;
    }

    private string Mutate(string document)
    {
        switch (random.Next(10))
        {
            case 0:
                return DeleteCharacters(document);
            case 1:
                return Insert(document, s_characters[random.Next(s_characters.Length)].ToString());
            case 2:
                return SwapCharacters(document);
            case 3:
                return Insert(document, s_tokens[random.Next(s_tokens.Length)]);
            case 4:
                return DeleteToken(document);
            case 5:
                return SwapTokens(document);
            case 6:
                return DuplicateRange(document);
            case 7:
                return Splice(document, corpus[random.Next(corpus.Count)]);
            case 8:
                return Insert(document, RandomCharacters(random.Next(1, 12)));
            default:
                return random.Next(20) == 0 ? RandomCharacters(random.Next(0, 64)) : Truncate(document);
        }
    }

    private string DeleteCharacters(string document)
    {
        if (document.Length == 0)
        {
            return document;
        }

        var start = random.Next(document.Length);
        var length = Math.Min(random.Next(1, 4), document.Length - start);
        return document.Remove(start, length);
    }

    private string Insert(string document, string text) => document.Insert(random.Next(document.Length + 1), text);

    private string SwapCharacters(string document)
    {
        if (document.Length < 2)
        {
            return document;
        }

        var chars = document.ToCharArray();
        var a = random.Next(chars.Length);
        var b = random.Next(chars.Length);
        (chars[a], chars[b]) = (chars[b], chars[a]);
        return new string(chars);
    }

    private string DeleteToken(string document)
    {
        var (start, end) = RandomToken(document);
        return end > start ? document.Remove(start, end - start) : document;
    }

    private string SwapTokens(string document)
    {
        var (aStart, aEnd) = RandomToken(document);
        var (bStart, bEnd) = RandomToken(document);
        if (aEnd <= aStart || bEnd <= bStart || aStart == bStart)
        {
            return document;
        }

        if (aStart > bStart)
        {
            (aStart, aEnd, bStart, bEnd) = (bStart, bEnd, aStart, aEnd);
        }

        if (aEnd > bStart)
        {
            return document;
        }

        return string.Concat(
            document.AsSpan(0, aStart),
            document.AsSpan(bStart, bEnd - bStart),
            document.AsSpan(aEnd, bStart - aEnd),
            document.AsSpan(aStart, aEnd - aStart)) + document[bEnd..];
    }

    private string DuplicateRange(string document)
    {
        if (document.Length == 0)
        {
            return document;
        }

        var start = random.Next(document.Length);
        var length = Math.Min(random.Next(1, 40), document.Length - start);
        return document.Insert(random.Next(document.Length + 1), document.Substring(start, length));
    }

    private string Splice(string first, string second)
    {
        var cut = random.Next(first.Length + 1);
        var from = random.Next(second.Length + 1);
        return first[..cut] + second[from..];
    }

    private string Truncate(string document) => document.Length == 0 ? document : document[..random.Next(document.Length)];

    private string RandomCharacters(int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(random.Next(4) == 0 ? (char)random.Next(0x10000) : s_characters[random.Next(s_characters.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A rough token: a run of name characters, or a single other non-blank character.</summary>
    private (int Start, int End) RandomToken(string document)
    {
        if (document.Length == 0)
        {
            return (0, 0);
        }

        var start = random.Next(document.Length);
        while (start < document.Length && char.IsWhiteSpace(document[start]))
        {
            start++;
        }

        if (start == document.Length)
        {
            return (0, 0);
        }

        var end = start + 1;
        if (IsWordCharacter(document[start]))
        {
            while (start > 0 && IsWordCharacter(document[start - 1]))
            {
                start--;
            }

            while (end < document.Length && IsWordCharacter(document[end]))
            {
                end++;
            }
        }

        return (start, end);
    }

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
}
