using Xunit;
using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Tests.Language;

/// <summary>The small vocabulary of the language tests.</summary>
internal static class LanguageHarness
{
    public static DocumentNode ExpectParse([StringSyntax("graphql")] string source) => Parser.Parse(source, ParserOptions.Unlimited);

    public static GraphQLSyntaxException ExpectSyntaxError([StringSyntax("graphql")] string source, string message, int line, int column, ParserOptions? options = null)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options ?? ParserOptions.Unlimited));
        Assert.Equal(message, error.Error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Error.Locations);
        return error;
    }

    /// <summary>Prints the parsed source, compares with graphql-js's text, and checks the text parses back to the same tree.</summary>
    public static void ExpectPrint([StringSyntax("graphql")] string source, string expected)
    {
        var document = ExpectParse(source);
        var printed = Printer.Print(document);
        Assert.Equal(expected, printed);
        ExpectRoundTrip(document);
    }

    public static void ExpectRoundTrip(DocumentNode document)
    {
        var printed = Printer.Print(document);
        var reparsed = ExpectParse(printed);
        Assert.True(SyntaxComparer.Instance.Equals(document, reparsed), $"print(parse(x)) parsed back to a different tree:\n{printed}");
        Assert.Equal(SyntaxComparer.Instance.GetHashCode(document), SyntaxComparer.Instance.GetHashCode(reparsed));
        Assert.Equal(printed, Printer.Print(reparsed));
    }

    /// <summary>All tokens of a source, as the lexer reads them.</summary>
    public static List<Token> Lex(string source)
    {
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfFile);

        return tokens;
    }
}
