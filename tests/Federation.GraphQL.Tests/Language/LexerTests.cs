using Xunit;
using System.Text.RegularExpressions;
using Federation.GraphQL.Language;
using static Federation.GraphQL.Tests.Language.LanguageHarness;

namespace Federation.GraphQL.Tests.Language;

public sealed class LexerTests
{
    [Theory]
    [InlineData("!", nameof(TokenKind.Bang))]
    [InlineData("$", nameof(TokenKind.Dollar))]
    [InlineData("&", nameof(TokenKind.Amp))]
    [InlineData("(", nameof(TokenKind.ParenL))]
    [InlineData(")", nameof(TokenKind.ParenR))]
    [InlineData("...", nameof(TokenKind.Spread))]
    [InlineData(":", nameof(TokenKind.Colon))]
    [InlineData("=", nameof(TokenKind.Equals))]
    [InlineData("@", nameof(TokenKind.At))]
    [InlineData("[", nameof(TokenKind.BracketL))]
    [InlineData("]", nameof(TokenKind.BracketR))]
    [InlineData("{", nameof(TokenKind.BraceL))]
    [InlineData("|", nameof(TokenKind.Pipe))]
    [InlineData("}", nameof(TokenKind.BraceR))]
    [InlineData("name_1", nameof(TokenKind.Name))]
    [InlineData("_", nameof(TokenKind.Name))]
    [InlineData("0", nameof(TokenKind.Int))]
    [InlineData("-0", nameof(TokenKind.Int))]
    [InlineData("1234567890", nameof(TokenKind.Int))]
    [InlineData("-12", nameof(TokenKind.Int))]
    [InlineData("0.0", nameof(TokenKind.Float))]
    [InlineData("-1.5", nameof(TokenKind.Float))]
    [InlineData("1e10", nameof(TokenKind.Float))]
    [InlineData("1E+10", nameof(TokenKind.Float))]
    [InlineData("1.5e-10", nameof(TokenKind.Float))]
    [InlineData("\"\"", nameof(TokenKind.String))]
    [InlineData("\"\\u{1F600}\"", nameof(TokenKind.String))]
    [InlineData("\"\"\"\"\"\"", nameof(TokenKind.BlockString))]
    [InlineData("\"\"\" \\\"\"\" \"\"\"", nameof(TokenKind.BlockString))]
    public void Reads_every_kind_of_token(string source, string kindName)
    {
        var kind = Enum.Parse<TokenKind>(kindName);
        var tokens = Lex("  " + source + "  ");
        Assert.Equal([new Token(kind, 2, 2 + source.Length, 1, 3), new Token(TokenKind.EndOfFile, source.Length + 4, source.Length + 4, 1, source.Length + 5)], tokens);
    }

    [Fact]
    public void Skips_ignored_tokens_and_counts_lines_and_columns()
    {
        var source = "\uFEFF a,,\t# comment \u00e9 \U0001F600\r\n  b\r c\n\n    d # trailing";
        var tokens = Lex(source);
        Assert.Equal(
        [
            new Token(TokenKind.Name, 2, 3, 1, 3),
            new Token(TokenKind.Name, 24, 25, 2, 3),
            new Token(TokenKind.Name, 27, 28, 3, 2),
            new Token(TokenKind.Name, 34, 35, 5, 5),
            new Token(TokenKind.EndOfFile, source.Length, source.Length, 5, 17),
        ], tokens);
    }

    [Fact]
    public void Block_strings_move_the_line_count_to_their_last_line()
    {
        var tokens = Lex("\"\"\"a\r\nb\rc\n  \"\"\" d");
        Assert.Equal(new Token(TokenKind.BlockString, 0, 15, 1, 1), tokens[0]);
        Assert.Equal(new Token(TokenKind.Name, 16, 17, 4, 7), tokens[1]);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\\/\\\\\"", "escaped \n\r\b\t\f/\\")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP \U0001F600")]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \u0000")]
    [InlineData("\"string with maximal unicode escape \\u{10FFFF}\"", "string with maximal unicode escape \U0010FFFF")]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", "string with maximal minimal unicode escape \u0000")]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\"", "string with unicode surrogate pair escape \U0001F600")]
    [InlineData("\"string with unicode surrogate pair escape \\uD800\\uDC00\"", "string with unicode surrogate pair escape \U00010000")]
    [InlineData("\"string with unicode surrogate pair escape \\uDBFF\\uDFFF\"", "string with unicode surrogate pair escape \U0010FFFF")]
    [InlineData("\"raw \U0001F600 and control \u0001 characters\"", "raw \U0001F600 and control \u0001 characters")]
    public void Cooks_string_values(string source, string value)
    {
        var lexer = new Lexer(source);
        var token = lexer.Next();
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, lexer.StringValue(token));
    }

    [Theory]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", "spans\n  multiple\n    lines")]
    [InlineData("\"\"\"  first line keeps its indent\n    second\n      third\"\"\"", "  first line keeps its indent\nsecond\n  third")]
    [InlineData("\"\"\"   \n  \t \n\"\"\"", "")]
    public void Cooks_block_string_values_with_the_spec_dedent(string source, string value)
    {
        var lexer = new Lexer(source);
        var token = lexer.Next();
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(value, lexer.BlockStringValue(token));
    }

    [Fact]
    public void Lexing_allocates_nothing()
    {
        static int LexAll(string source)
        {
            var lexer = new Lexer(source);
            var count = 0;
            while (lexer.Next().Kind != TokenKind.EndOfFile)
            {
                count++;
            }

            return count;
        }

        LexAll(KitchenSink.Schema);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = LexAll(KitchenSink.Query) + LexAll(KitchenSink.Schema);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(tokens > 500);
    }

    [Fact]
    public void Interns_names_so_a_repeated_name_is_one_string()
    {
        var lexer = new Lexer("someName someName");
        var first = lexer.Next();
        var second = lexer.Next();
        Assert.Same(lexer.Name(first), lexer.Name(second));
    }

    // Expected messages and positions are graphql-js 17.1.0's, read from its Lexer.
    [Theory]
    [InlineData("\u0000", "Syntax Error: Unexpected character: U+0000.", 1, 1)]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.", 1, 1)]
    [InlineData("<U+D800>", "Syntax Error: Invalid character: U+D800.", 1, 1)]
    [InlineData("<U+DC00>x", "Syntax Error: Invalid character: U+DC00.", 1, 1)]
    [InlineData("'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("..", "Syntax Error: Unexpected \"..\", did you mean \"...\"?", 1, 1)]
    [InlineData("a ..b", "Syntax Error: Unexpected \"..\", did you mean \"...\"?", 1, 3)]
    [InlineData(".", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData(".123", "Syntax Error: Invalid number, expected digit before \".\", did you mean \"0.123\"?", 1, 1)]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".", 1, 1)]
    [InlineData("\u00E9", "Syntax Error: Unexpected character: U+00E9.", 1, 1)]
    [InlineData("<U+D83D><U+DE00>", "Syntax Error: Unexpected character: U+1F600.", 1, 1)]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("-", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 2)]
    [InlineData("-a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 2)]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1.a", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 3)]
    [InlineData("1.e1", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 3)]
    [InlineData("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1e+", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 4)]
    [InlineData("1E-x", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 4)]
    [InlineData("1x", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("1_", "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 2)]
    [InlineData("0x1", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 2)]
    [InlineData("1.5.5", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("1e5.1", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("1e5e", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 4)]
    [InlineData("-01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 3)]
    [InlineData("\"", "Syntax Error: Unterminated string.", 1, 2)]
    [InlineData("\"abc", "Syntax Error: Unterminated string.", 1, 5)]
    [InlineData("\"abc\u000Adef\"", "Syntax Error: Unterminated string.", 1, 5)]
    [InlineData("\"abc\u000Ddef\"", "Syntax Error: Unterminated string.", 1, 5)]
    [InlineData("\"\\x\"", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 2)]
    [InlineData("\"\\", "Syntax Error: Invalid character escape sequence: \"\\\".", 1, 2)]
    [InlineData("\"\\u\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u\"\".", 1, 2)]
    [InlineData("\"\\u12\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u12\"\".", 1, 2)]
    [InlineData("\"\\uXYZW\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXYZW\".", 1, 2)]
    [InlineData("\"\\u{}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 2)]
    [InlineData("\"\\u{110000}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 2)]
    [InlineData("\"\\u{FFFFFFFFF}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".", 1, 2)]
    [InlineData("\"\\u{D800}\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".", 1, 2)]
    [InlineData("\"\\u{12\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{12\"\".", 1, 2)]
    [InlineData("\"\\uD800\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 2)]
    [InlineData("\"\\uD800\\u0041\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 2)]
    [InlineData("\"\\uDC00\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDC00\".", 1, 2)]
    [InlineData("\"\\uD800\\uD800\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".", 1, 2)]
    [InlineData("\"<U+D800>\"", "Syntax Error: Invalid character within String: U+D800.", 1, 2)]
    [InlineData("\"a<U+DC00>\"", "Syntax Error: Invalid character within String: U+DC00.", 1, 3)]
    [InlineData("\"\"\"", "Syntax Error: Unterminated string.", 1, 4)]
    [InlineData("\"\"\"abc", "Syntax Error: Unterminated string.", 1, 7)]
    [InlineData("\"\"\"a\u000Ab\u000A", "Syntax Error: Unterminated string.", 3, 1)]
    [InlineData("\"\"\"<U+D800>\"\"\"", "Syntax Error: Invalid character within String: U+D800.", 1, 4)]
    [InlineData("\u000A\u000A  \u0000", "Syntax Error: Unexpected character: U+0000.", 3, 3)]
    [InlineData("\u000D\u000A\u000D\u000A  ?", "Syntax Error: Unexpected character: \"?\".", 3, 3)]
    [InlineData("\u000D\u000D  ?", "Syntax Error: Unexpected character: \"?\".", 3, 3)]
    [InlineData("# comment\u000A  ?", "Syntax Error: Unexpected character: \"?\".", 2, 3)]
    [InlineData("\"\"\"a\u000Ab\u000Ac\"\"\" ?", "Syntax Error: Unexpected character: \"?\".", 3, 6)]
    [InlineData("\uFEFF ?", "Syntax Error: Unexpected character: \"?\".", 1, 3)]
    [InlineData(",,,?", "Syntax Error: Unexpected character: \"?\".", 1, 4)]
    [InlineData("\"\"\"\u000D\u000A\u000D\u000A\"\"\" ?", "Syntax Error: Unexpected character: \"?\".", 3, 5)]
    [InlineData("\"\\u{1F600}\" ?", "Syntax Error: Unexpected character: \"?\".", 1, 13)]
    [InlineData("123456789012345678901234567890 ?", "Syntax Error: Unexpected character: \"?\".", 1, 32)]
    [InlineData("\u0009\u0009?", "Syntax Error: Unexpected character: \"?\".", 1, 3)]
    public void Reports_lexical_errors_as_graphql_js_does(string source, string message, int line, int column)
    {
        // Lone surrogates are written <U+D800>: test data cannot carry them intact.
        source = Regex.Replace(source, "<U\\+([0-9A-F]{4})>", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lex(source));
        Assert.Equal(message, error.Error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }
}
