using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Xunit;
using static Federation.GraphQL.Tests.Language.LanguageHarness;

namespace Federation.GraphQL.Tests.Language;

public sealed class SyntaxComparerTests
{
    [Fact]
    public void Trees_differing_only_in_layout_are_equal_with_equal_hashes()
    {
        var compact = ExpectParse("query Q($a:Int=1){a(b:[1,{c:$a}])@d{...F ...on T{e}}} fragment F on T{f}");
        var spread = ExpectParse("query Q(\n  $a: Int = 1\n) {\n  a(b: [1, { c: $a }]) @d {\n    ...F\n    ... on T { e }\n  }\n}\n\nfragment F on T { f }");
        Assert.True(SyntaxComparer.Instance.Equals(compact, spread));
        Assert.Equal(SyntaxComparer.Instance.GetHashCode(compact), SyntaxComparer.Instance.GetHashCode(spread));
        Assert.NotEqual(compact.Definitions[0].Location, spread.Definitions[0].Location);
    }

    [Theory]
    [InlineData("{ a }", "{ b }")]
    [InlineData("{ a }", "{ a { b } }")]
    [InlineData("{ a: b }", "{ b }")]
    [InlineData("{ a(x: 1) }", "{ a(x: 1.0) }")]
    [InlineData("{ a(x: \"s\") }", "{ a(x: \"\"\"s\"\"\") }")]
    [InlineData("{ a(x: [1, 2]) }", "{ a(x: [2, 1]) }")]
    [InlineData("{ a(x: ENUM) }", "{ a(x: \"ENUM\") }")]
    [InlineData("query { a }", "mutation { a }")]
    [InlineData("query ($v: Int) { a }", "query ($v: Int!) { a }")]
    [InlineData("type T { a: Int }", "interface T { a: Int }")]
    [InlineData("directive @d on FIELD", "directive @d repeatable on FIELD")]
    [InlineData("\"x\" scalar S", "\"y\" scalar S")]
    [InlineData("{ a @d }", "{ a @e }")]
    public void Trees_differing_in_structure_are_not_equal(string left, string right)
    {
        Assert.False(SyntaxComparer.Instance.Equals(ExpectParse(left), ExpectParse(right)));
    }

    [Fact]
    public void Nodes_built_in_code_equal_parsed_ones()
    {
        var parsed = Parser.ParseValue("{ k: [true, null] }");
        var built = new ObjectValueNode([new ObjectFieldNode(new NameNode("k"), new ListValueNode([new BooleanValueNode(true), new NullValueNode()]))]);
        Assert.True(SyntaxComparer.Instance.Equals(parsed, built));
        Assert.Equal(SyntaxComparer.Instance.GetHashCode(parsed), SyntaxComparer.Instance.GetHashCode(built));
    }
}
