using System.Diagnostics;
using Federation.GraphQL.Language;
using Xunit;
using static Federation.GraphQL.Tests.Language.LanguageHarness;

namespace Federation.GraphQL.Tests.Language;

public sealed class ParserLimitTests
{
    [Fact]
    public void Defaults_are_safe_for_a_server()
    {
        var defaults = ParserOptions.Default;
        Assert.Equal(1024 * 1024, defaults.MaxDocumentLength);
        Assert.Equal(15_000, defaults.MaxTokens);
        Assert.Equal(64, defaults.MaxDepth);
        Assert.Equal(1_000, defaults.MaxAliases);
    }

    [Fact]
    public void Parsing_without_options_applies_the_defaults()
    {
        var deep = new System.Text.StringBuilder().Insert(0, "{ a ", 65).ToString();
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(deep));
        Assert.Equal("Syntax Error: Document nesting is deeper than 64 levels (MaxDepth). Parsing aborted.", error.Error.Message);
    }

    [Fact]
    public void Document_length_at_the_limit_and_one_over()
    {
        const string source = "{ a }";
        Parser.Parse(source, ParserOptions.Unlimited with { MaxDocumentLength = 5 });
        ExpectSyntaxError(source, "Syntax Error: Source contains more than 4 UTF-16 code units. Parsing aborted.", 1, 5, ParserOptions.Unlimited with { MaxDocumentLength = 4 });
    }

    [Fact]
    public void Tokens_at_the_limit_and_one_over_as_graphql_js_counts_them()
    {
        // Comments are not tokens; "query { a }" is four.
        const string source = "query # comment\n{ a }";
        Parser.Parse(source, ParserOptions.Unlimited with { MaxTokens = 4 });
        ExpectSyntaxError(source, "Syntax Error: Document contains more than 3 tokens. Parsing aborted.", 2, 5, ParserOptions.Unlimited with { MaxTokens = 3 });
    }

    [Theory]
    [InlineData("{ a { b { c } } }", 3, 1, 9)]
    [InlineData("{ a(x: [[1]]) }", 3, 1, 9)]
    [InlineData("{ a(x: {b: {c: 1}}) }", 3, 1, 12)]
    [InlineData("query ($v: [[Int]]) { a }", 2, 1, 13)]
    [InlineData("{ a(x: [{b: [1]}]) }", 4, 1, 13)]
    public void Depth_at_the_limit_and_one_over(string source, int depth, int line, int column)
    {
        Parser.Parse(source, ParserOptions.Unlimited with { MaxDepth = depth });
        ExpectSyntaxError(source, $"Syntax Error: Document nesting is deeper than {depth - 1} levels (MaxDepth). Parsing aborted.", line, column, ParserOptions.Unlimited with { MaxDepth = depth - 1 });
    }

    [Fact]
    public void Aliases_at_the_limit_and_one_over()
    {
        const string source = "{ a: x b: x { c: y } d }";
        Parser.Parse(source, ParserOptions.Unlimited with { MaxAliases = 3 });
        ExpectSyntaxError(source, "Syntax Error: Document contains more than 2 aliases (MaxAliases). Parsing aborted.", 1, 15, ParserOptions.Unlimited with { MaxAliases = 2 });
    }

    public static TheoryData<string, string> AbusiveDocuments() => new()
    {
        { "100 000 [", new string('[', 100_000) },
        { "100 000 {", new string('{', 100_000) },
        { "100 000 (", new string('(', 100_000) },
        { "100 000 [ in a value", "{ a(x: " + new string('[', 100_000) },
        { "100 000 [ in a type", "query ($v: " + new string('[', 100_000) },
        { "100 000 ( after a field", "{ a" + new string('(', 100_000) },
        { "100 000 nested objects", "{ a(x: " + Repeat("{a: ", 100_000) },
        { "100 000 nested selection sets", Repeat("{ a ", 100_000) },
        { "100 000 nested inline fragments", "{" + Repeat("... on T { ", 100_000) },
    };

    [Theory]
    [MemberData(nameof(AbusiveDocuments))]
    public void Abusive_nesting_ends_in_a_syntax_error_quickly(string name, string source)
    {
        foreach (var options in new[] { ParserOptions.Default, ParserOptions.Unlimited })
        {
            var clock = Stopwatch.StartNew();
            Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options with { MaxDocumentLength = int.MaxValue }));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {clock.Elapsed}");
        }
    }

    [Fact]
    public void The_parser_caps_nesting_even_when_unlimited()
    {
        ExpectParse(Repeat("{ a ", 999) + new string('}', 999));
        ExpectSyntaxError(Repeat("{ a ", 1001), "Syntax Error: Document nesting is deeper than 1000 levels (the parser's own limit). Parsing aborted.", 1, 4001);
    }

    [Fact]
    public void A_small_stack_ends_in_a_syntax_error_not_a_crash()
    {
        Exception? caught = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    // Within the hard cap, so only the stack check can stop it.
                    Parser.Parse(Repeat("{ a ", 999), ParserOptions.Unlimited);
                }
                catch (Exception e)
                {
                    caught = e;
                }
            },
            maxStackSize: 128 * 1024);
        thread.Start();
        thread.Join();
        var error = Assert.IsType<GraphQLSyntaxException>(caught);
        Assert.Equal("Syntax Error: Document nesting is deeper than 1000 levels (the parser's own limit). Parsing aborted.", error.Error.Message);
    }

    private static string Repeat(string text, int count) => new System.Text.StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
