using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Federation.GraphQL.Language;

/// <summary>
/// Turns source text into tokens one at a time, allocating nothing: a token is a kind and a
/// span. String and name values are read from the span only when the parser asks
/// (<see cref="StringValue"/>, <see cref="BlockStringValue"/>, <see cref="Name"/>).
/// Errors carry graphql-js 17.1.0's messages and positions.
/// https://spec.graphql.org/September2025/#sec-Language.Source-Text
/// </summary>
internal struct Lexer
{
    private readonly string _source;
    private int _position;
    private int _line;
    private int _lineStart;

    public Lexer(string source)
    {
        _source = source;
        _line = 1;
    }

    public readonly string Source => _source;

    /// <summary>
    /// Token :: Punctuator | Name | IntValue | FloatValue | StringValue
    /// Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
    /// </summary>
    public Token Next()
    {
        var source = _source;
        var position = _position;
        while (position < source.Length)
        {
            var c = source[position];
            switch (c)
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += CharAt(position + 1) == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!':
                    return Punctuator(TokenKind.Bang, position, 1);
                case '$':
                    return Punctuator(TokenKind.Dollar, position, 1);
                case '&':
                    return Punctuator(TokenKind.Amp, position, 1);
                case '(':
                    return Punctuator(TokenKind.ParenL, position, 1);
                case ')':
                    return Punctuator(TokenKind.ParenR, position, 1);
                case ':':
                    return Punctuator(TokenKind.Colon, position, 1);
                case '=':
                    return Punctuator(TokenKind.Equals, position, 1);
                case '@':
                    return Punctuator(TokenKind.At, position, 1);
                case '[':
                    return Punctuator(TokenKind.BracketL, position, 1);
                case ']':
                    return Punctuator(TokenKind.BracketR, position, 1);
                case '{':
                    return Punctuator(TokenKind.BraceL, position, 1);
                case '|':
                    return Punctuator(TokenKind.Pipe, position, 1);
                case '}':
                    return Punctuator(TokenKind.BraceR, position, 1);
                case '.':
                    if (CharAt(position + 1) == '.')
                    {
                        if (CharAt(position + 2) == '.')
                        {
                            return Punctuator(TokenKind.Spread, position, 3);
                        }

                        Fail(position, "Unexpected \"..\", did you mean \"...\"?");
                    }

                    if (IsDigit(CharAt(position + 1)))
                    {
                        var digits = source[(position + 1)..ReadDigits(position + 1, CharAt(position + 1))];
                        Fail(position, $"Invalid number, expected digit before \".\", did you mean \"0.{digits}\"?");
                    }

                    break;
                case '"':
                    return CharAt(position + 1) == '"' && CharAt(position + 2) == '"'
                        ? ReadBlockString(position)
                        : ReadString(position);
            }

            if (IsDigit(c) || c == '-')
            {
                return ReadNumber(position, c);
            }

            if (IsNameStart(c))
            {
                return ReadName(position);
            }

            FailUnexpectedCharacter(position);
        }

        _position = source.Length;
        return new Token(TokenKind.EndOfFile, source.Length, source.Length, _line, 1 + source.Length - _lineStart);
    }

    public readonly ReadOnlySpan<char> Text(in Token token) => _source.AsSpan(token.Start, token.End - token.Start);

    /// <summary>The name a Name token spells, shared with earlier tokens spelling the same name.</summary>
    public readonly string Name(in Token token) => NameTable.Intern(Text(token));

    /// <summary>The text of an IntValue or FloatValue token.</summary>
    public readonly string NumberText(in Token token) => _source.Substring(token.Start, token.End - token.Start);

    /// <summary>
    /// The value a token stands for in graphql-js's error messages: names, numbers and the
    /// cooked value of strings; null for punctuators.
    /// </summary>
    public readonly string? DescribeValue(in Token token) => token.Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => _source.Substring(token.Start, token.End - token.Start),
        TokenKind.String => StringValue(token),
        TokenKind.BlockString => BlockStringValue(token),
        _ => null,
    };

    private Token Punctuator(TokenKind kind, int position, int size)
    {
        _position = position + size;
        return new Token(kind, position, position + size, _line, 1 + position - _lineStart);
    }

    private Token Complete(TokenKind kind, int start, int end)
    {
        _position = end;
        return new Token(kind, start, end, _line, 1 + start - _lineStart);
    }

    /// <summary>Comment :: # CommentChar*</summary>
    private readonly int SkipComment(int start)
    {
        var source = _source;
        var position = start + 1;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            if (!char.IsSurrogate(c))
            {
                position++;
            }
            else if (IsSurrogatePairAt(position))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    /// <summary>Name :: NameStart NameContinue* [lookahead != NameContinue]</summary>
    private Token ReadName(int start)
    {
        var source = _source;
        var position = start + 1;
        while (position < source.Length && IsNameContinue(source[position]))
        {
            position++;
        }

        return Complete(TokenKind.Name, start, position);
    }

    /// <summary>
    /// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    /// FloatValue :: IntegerPart FractionalPart ExponentPart | IntegerPart FractionalPart | IntegerPart ExponentPart
    /// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
    /// </summary>
    private Token ReadNumber(int start, int first)
    {
        var position = start;
        var code = first;
        var isFloat = false;
        if (code == '-')
        {
            code = CharAt(++position);
        }

        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
            {
                Fail(position, $"Invalid number, unexpected digit after 0: {PrintCodePointAt(position)}.");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-')
            {
                code = CharAt(++position);
            }

            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.' || IsNameStart(code))
        {
            Fail(position, $"Invalid number, expected digit but got: {PrintCodePointAt(position)}.");
        }

        return Complete(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    private readonly int ReadDigits(int start, int first)
    {
        if (!IsDigit(first))
        {
            Fail(start, $"Invalid number, expected digit but got: {PrintCodePointAt(start)}.");
        }

        var position = start + 1;
        while (IsDigit(CharAt(position)))
        {
            position++;
        }

        return position;
    }

    /// <summary>StringValue :: `"` StringCharacter* `"`</summary>
    private Token ReadString(int start)
    {
        var source = _source;
        var position = start + 1;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '"')
            {
                return Complete(TokenKind.String, start, position + 1);
            }

            if (c == '\\')
            {
                position += ReadEscape(position, out _);
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                break;
            }

            position += SourceCharacterWidth(position);
        }

        Fail(position, "Unterminated string.");
        return default;
    }

    /// <summary>StringValue :: `"""` BlockStringCharacter* `"""`</summary>
    private Token ReadBlockString(int start)
    {
        var source = _source;
        var position = start + 3;
        var lineStart = _lineStart;
        var lineTerminators = 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                var token = Complete(TokenKind.BlockString, start, position + 3);
                _line += lineTerminators;
                _lineStart = lineStart;
                return token;
            }

            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                position += 4;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                lineTerminators++;
                lineStart = position;
                continue;
            }

            position += SourceCharacterWidth(position);
        }

        Fail(position, "Unterminated string.");
        return default;
    }

    /// <summary>
    /// The width of the source character at <paramref name="position"/> inside a string: 1, or 2
    /// for a surrogate pair. A lone surrogate is not a Unicode scalar value and is rejected.
    /// </summary>
    private readonly int SourceCharacterWidth(int position)
    {
        if (!char.IsSurrogate(_source[position]))
        {
            return 1;
        }

        if (IsSurrogatePairAt(position))
        {
            return 2;
        }

        Fail(position, $"Invalid character within String: {PrintCodePointAt(position)}.");
        return 0;
    }

    /// <summary>
    /// EscapedCharacter, EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit,
    /// where a fixed-width leading surrogate must be followed by an escaped trailing one.
    /// Returns the length of the escape sequence.
    /// </summary>
    private readonly int ReadEscape(int position, out int codePoint)
    {
        if (CharAt(position + 1) == 'u')
        {
            return CharAt(position + 2) == '{'
                ? ReadVariableWidthUnicodeEscape(position, out codePoint)
                : ReadFixedWidthUnicodeEscape(position, out codePoint);
        }

        codePoint = CharAt(position + 1) switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => -1,
        };
        if (codePoint < 0)
        {
            Fail(position, $"Invalid character escape sequence: \"{Slice(position, position + 2)}\".");
        }

        return 2;
    }

    private readonly int ReadVariableWidthUnicodeEscape(int position, out int codePoint)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                codePoint = point;
                return size;
            }

            point = (point << 4) | HexValue(code);
            if (point < 0)
            {
                break;
            }
        }

        Fail(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + size)}\".");
        codePoint = 0;
        return 0;
    }

    private readonly int ReadFixedWidthUnicodeEscape(int position, out int codePoint)
    {
        var code = Read16BitHex(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            codePoint = code;
            return 6;
        }

        if (code is >= 0xD800 and <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHex(position + 8);
            if (trailing is >= 0xDC00 and <= 0xDFFF)
            {
                codePoint = char.ConvertToUtf32((char)code, (char)trailing);
                return 12;
            }
        }

        Fail(position, $"Invalid Unicode escape sequence: \"{Slice(position, position + 6)}\".");
        codePoint = 0;
        return 0;
    }

    private readonly int Read16BitHex(int position) =>
        (HexValue(CharAt(position)) << 12) | (HexValue(CharAt(position + 1)) << 8)
        | (HexValue(CharAt(position + 2)) << 4) | HexValue(CharAt(position + 3));

    private static int HexValue(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    /// <summary>The cooked value of a String token (already validated when it was lexed).</summary>
    public readonly string StringValue(in Token token)
    {
        var source = _source;
        var contentStart = token.Start + 1;
        var contentEnd = token.End - 1;
        var firstEscape = source.AsSpan(contentStart, contentEnd - contentStart).IndexOf('\\');
        if (firstEscape < 0)
        {
            return source.Substring(contentStart, contentEnd - contentStart);
        }

        var buffer = ArrayPool<char>.Shared.Rent(contentEnd - contentStart);
        source.AsSpan(contentStart, firstEscape).CopyTo(buffer);
        var length = firstEscape;
        var position = contentStart + firstEscape;
        while (position < contentEnd)
        {
            var c = source[position];
            if (c != '\\')
            {
                buffer[length++] = c;
                position++;
                continue;
            }

            position += ReadEscape(position, out var codePoint);
            if (codePoint < 0x10000)
            {
                buffer[length++] = (char)codePoint;
            }
            else
            {
                var scalar = codePoint - 0x10000;
                buffer[length++] = (char)(0xD800 + (scalar >> 10));
                buffer[length++] = (char)(0xDC00 + (scalar & 0x3FF));
            }
        }

        var value = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return value;
    }

    /// <summary>
    /// The value of a BlockString token: raw lines with <c>\"""</c> unescaped, then the spec's
    /// BlockStringValue(rawValue) — common indentation removed, leading and trailing blank lines
    /// dropped, lines joined by "\n".
    /// https://spec.graphql.org/September2025/#BlockStringValue()
    /// </summary>
    public readonly string BlockStringValue(in Token token)
    {
        var source = _source;
        var contentEnd = token.End - 3;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, contentEnd - token.Start - 3));
        var lines = new List<(int Start, int Length)>();
        var length = 0;
        var lineStart = 0;
        for (var position = token.Start + 3; position < contentEnd;)
        {
            var c = source[position];
            if (c == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                buffer[length++] = '"';
                buffer[length++] = '"';
                buffer[length++] = '"';
                position += 4;
            }
            else if (c == '\n' || c == '\r')
            {
                lines.Add((lineStart, length - lineStart));
                lineStart = length;
                position += c == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
            }
            else
            {
                buffer[length++] = c;
                position++;
            }
        }

        lines.Add((lineStart, length - lineStart));
        var value = BlockString.Dedent(buffer.AsSpan(0, length), lines);
        ArrayPool<char>.Shared.Return(buffer);
        return value;
    }

    /// <summary>How graphql-js quotes the character at a position in an error message.</summary>
    private readonly string PrintCodePointAt(int position)
    {
        if (position >= _source.Length)
        {
            return "<EOF>";
        }

        int code = _source[position];
        if (IsSurrogatePairAt(position))
        {
            code = char.ConvertToUtf32(_source[position], _source[position + 1]);
        }

        if (code is >= 0x20 and <= 0x7E)
        {
            return code == '"' ? "'\"'" : $"\"{(char)code}\"";
        }

        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    [DoesNotReturn]
    private readonly void FailUnexpectedCharacter(int position)
    {
        var c = _source[position];
        if (c == '\'')
        {
            Fail(position, "Unexpected single quote character ('), did you mean to use a double quote (\")?");
        }

        Fail(position, !char.IsSurrogate(c) || IsSurrogatePairAt(position)
            ? $"Unexpected character: {PrintCodePointAt(position)}."
            : $"Invalid character: {PrintCodePointAt(position)}.");
    }

    [DoesNotReturn]
    private readonly void Fail(int position, string description) => SyntaxError.Throw(_source, position, description);

    private readonly string Slice(int start, int end) => _source[start..Math.Min(end, _source.Length)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int CharAt(int position) => (uint)position < (uint)_source.Length ? _source[position] : -1;

    private readonly bool IsSurrogatePairAt(int position) =>
        position + 1 < _source.Length && char.IsHighSurrogate(_source[position]) && char.IsLowSurrogate(_source[position + 1]);

    private static bool IsUnicodeScalarValue(int code) => code is (>= 0 and <= 0xD7FF) or (>= 0xE000 and <= 0x10FFFF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameStart(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameContinue(int c) => IsNameStart(c) || IsDigit(c);
}
