using Federation.GraphQL.Language;
using Xunit;
using static Federation.GraphQL.Tests.Language.LanguageHarness;

namespace Federation.GraphQL.Tests.Language;

/// <summary>The human rendering of syntax errors; expected texts are graphql-js 17.1.0's GraphQLError.toString().</summary>
public sealed class SyntaxErrorTests
{
    [Fact]
    public void Renders_the_line_with_its_neighbours_and_a_caret()
    {
        var error = ExpectSyntaxError("{\n  a(\n    b: \n  )\n}", "Syntax Error: Unexpected \")\".", 4, 3);
        Assert.Equal("Syntax Error: Unexpected \")\".\n\nGraphQL request:4:3\n3 |     b: \n4 |   )\n  |   ^\n5 | }", error.Render());
    }

    [Fact]
    public void Renders_an_error_on_the_first_line()
    {
        var error = ExpectSyntaxError("query", "Syntax Error: Expected \"{\", found <EOF>.", 1, 6);
        Assert.Equal("Syntax Error: Expected \"{\", found <EOF>.\n\nGraphQL request:1:6\n1 | query\n  |      ^", error.Render());
    }

    [Fact]
    public void Renders_an_empty_next_line_without_text()
    {
        var error = ExpectSyntaxError("\n\n{ a }\n}\n\n", "Syntax Error: Unexpected \"}\".", 4, 1);
        Assert.Equal("Syntax Error: Unexpected \"}\".\n\nGraphQL request:4:1\n3 | { a }\n4 | }\n  | ^\n5 |", error.Render());
    }

    [Fact]
    public void Renders_a_long_line_in_pieces_of_80()
    {
        var source = "{ a(x: \"" + new string('y', 150) + "\", z: ?) }";
        var error = ExpectSyntaxError(source, "Syntax Error: Unexpected character: \"?\".", 1, 165);
        Assert.Equal(
            "Syntax Error: Unexpected character: \"?\".\n\nGraphQL request:1:165\n1 | { a(x: \"" + new string('y', 72) + "\n  | " + new string('y', 78)
                + "\",\n  |  z: ?) }\n  |     ^",
            error.Render());
    }

    [Fact]
    public void Is_a_graphql_exception_carrying_one_error()
    {
        GraphQLException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a"));
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error.Message);
        Assert.Equal([new SourceLocation(1, 4)], error.Error.Locations);
    }
}
