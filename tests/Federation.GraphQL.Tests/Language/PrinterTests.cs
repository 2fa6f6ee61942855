using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Xunit;
using static Federation.GraphQL.Tests.Language.LanguageHarness;

namespace Federation.GraphQL.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Prints_the_kitchen_sink_query_as_graphql_js_does() => ExpectPrint(KitchenSink.Query, KitchenSink.PrintedQuery);

    [Fact]
    public void Prints_the_kitchen_sink_schema_as_graphql_js_does() => ExpectPrint(KitchenSink.Schema, KitchenSink.PrintedSchema);

    // Expected texts are graphql-js 17.1.0's print() of the same source.
    [Theory]
    [InlineData("directive @include(if: Boolean!)\n  on FIELD\n   | FRAGMENT_SPREAD\n   | INLINE_FRAGMENT", "directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT")]
    [InlineData("directive @include2(if: Boolean!) on\n  | FIELD\n  | FRAGMENT_SPREAD\n  | INLINE_FRAGMENT", "directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT")]
    [InlineData("directive @myRepeatableDir(name: String!) repeatable on\n  | OBJECT\n  | INTERFACE", "directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE")]
    [InlineData("directive @described @deprecated(reason: \"x\") on DIRECTIVE_DEFINITION", "directive @described @deprecated(reason: \"x\") on DIRECTIVE_DEFINITION")]
    [InlineData("extend directive @described @tagged", "extend directive @described @tagged")]
    [InlineData("extend schema @onSchema", "extend schema @onSchema")]
    [InlineData("extend schema @onSchema {\n  subscription: SubscriptionType\n}\n", "extend schema @onSchema {\n  subscription: SubscriptionType\n}")]
    [InlineData("{ a(x: \"\"\"  leading space\"\"\") }", "{\n  a(x: \"\"\"  leading space\"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"a\n\n  b\n c\"\"\") }", "{\n  a(x: \"\"\"\n  a\n  \n   b\n  c\n  \"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"\n  \n  indented\n    more\n  \n\"\"\") }", "{\n  a(x: \"\"\"\n  indented\n    more\n  \"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\") }", "{\n  a(\n    x: \"\"\"\n    yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n    \"\"\"\n  )\n}")]
    [InlineData("{ a(x: \"\"\"has \\\"\"\" inside\"\"\") }", "{\n  a(x: \"\"\"has \\\"\"\" inside\"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"ends with \\\"\"\"\"\"\") }", "{\n  a(x: \"\"\"\n  ends with \\\"\"\"\n  \"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"\r\nwin\r\nlines\r\n\"\"\") }", "{\n  a(x: \"\"\"\n  win\n  lines\n  \"\"\")\n}")]
    [InlineData("query Q(\"\"\"multi\nline\"\"\" $a: Int, $b: Int) { a }", "query Q(\n\"\"\"\nmulti\nline\n\"\"\"\n$a: Int\n$b: Int\n) {\n  a\n}")]
    [InlineData("{ a(x: {}) }", "{\n  a(x: {  })\n}")]
    [InlineData("{ a(x: []) }", "{\n  a(x: [])\n}")]
    [InlineData("{ a: b(c: 1) @d @e { f } }", "{\n  a: b(c: 1) @d @e {\n    f\n  }\n}")]
    [InlineData("type T { f(\"d\" a: Int, b: Int): Int }", "type T {\n  f(\n    \"d\"\n    a: Int\n    b: Int\n  ): Int\n}")]
    [InlineData("{ a(x: \"\\u0000\\u001F\\u0080\\u009F\\u00A0\") }", "{\n  a(x: \"\\u0000\\u001F\\u0080\\u009F\u00A0\")\n}")]
    [InlineData("query ($v: [[Int!]!] = [[1]]) { a }", "query ($v: [[Int!]!] = [[1]]) {\n  a\n}")]
    [InlineData("\"\"\"\n  desc\n\"\"\" type T { a: Int }", "\"\"\"desc\"\"\"\ntype T {\n  a: Int\n}")]
    [InlineData("extend schema { query: Q }", "extend schema {\n  query: Q\n}")]
    [InlineData("{ a { b { c { d { e { f { g } } } } } } }", "{\n  a {\n    b {\n      c {\n        d {\n          e {\n            f {\n              g\n            }\n          }\n        }\n      }\n    }\n  }\n}")]
    [InlineData("{ a(x: \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\") }", "{\n  a(\n    x: \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"\n  )\n}")]
    [InlineData("type T { a(arg0: Int, arg1: Int, arg2: Int, arg3: Int, arg4: Int, arg5: Int, arg6: Int, arg7: Int, arg8: Int, arg9: Int, arg10: Int, arg11: Int): Int }", "type T {\n  a(arg0: Int, arg1: Int, arg2: Int, arg3: Int, arg4: Int, arg5: Int, arg6: Int, arg7: Int, arg8: Int, arg9: Int, arg10: Int, arg11: Int): Int\n}")]
    [InlineData("{ a(arg0: 0, arg1: 1, arg2: 2, arg3: 3, arg4: 4, arg5: 5, arg6: 6, arg7: 7, arg8: 8, arg9: 9, arg10: 10, arg11: 11) { b(arg0: [0], arg1: [1], arg2: [2], arg3: [3], arg4: [4], arg5: [5], arg6: [6], arg7: [7], arg8: [8], arg9: [9], arg10: [10], arg11: [11]) } }", "{\n  a(\n    arg0: 0\n    arg1: 1\n    arg2: 2\n    arg3: 3\n    arg4: 4\n    arg5: 5\n    arg6: 6\n    arg7: 7\n    arg8: 8\n    arg9: 9\n    arg10: 10\n    arg11: 11\n  ) {\n    b(\n      arg0: [0]\n      arg1: [1]\n      arg2: [2]\n      arg3: [3]\n      arg4: [4]\n      arg5: [5]\n      arg6: [6]\n      arg7: [7]\n      arg8: [8]\n      arg9: [9]\n      arg10: [10]\n      arg11: [11]\n    )\n  }\n}")]
    [InlineData("{ a(x: \"\"\"\n\"\"\") }", "{\n  a(x: \"\"\"\"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"  \"\"\") }", "{\n  a(x: \"\"\"\"\"\")\n}")]
    [InlineData("{ a(x: \"\"\"\t tab\"\"\") }", "{\n  a(x: \"\"\"\t tab\"\"\")\n}")]
    [InlineData("\"\"\"a\"\"\" scalar S", "\"\"\"a\"\"\"\nscalar S")]
    [InlineData("\"\"\"  a\"\"\" scalar S", "\"\"\"  a\"\"\"\nscalar S")]
    [InlineData("\"\"\"a\n  b\"\"\" scalar S", "\"\"\"\na\nb\n\"\"\"\nscalar S")]
    [InlineData("directive @d(\"\"\"long\ndesc\"\"\" a: Int) on FIELD", "directive @d(\n  \"\"\"\n  long\n  desc\n  \"\"\"\n  a: Int\n) on FIELD")]
    [InlineData("directive @d(a: Int, b: Int) repeatable on FIELD", "directive @d(a: Int, b: Int) repeatable on FIELD")]
    [InlineData("mutation { a }", "mutation {\n  a\n}")]
    [InlineData("subscription { a }", "subscription {\n  a\n}")]
    [InlineData("query Q { a }", "query Q {\n  a\n}")]
    [InlineData("query @d { a }", "query @d {\n  a\n}")]
    [InlineData("{ a(x: 1.5e-10, y: -0, z: 0.0) }", "{\n  a(x: 1.5e-10, y: -0, z: 0.0)\n}")]
    [InlineData("fragment F on T @d { a }", "fragment F on T @d {\n  a\n}")]
    [InlineData("\"d\" fragment F on T { a }", "\"d\"\nfragment F on T {\n  a\n}")]
    [InlineData("\"d\" query { a }", "\"d\"\nquery {\n  a\n}")]
    [InlineData("\"d\" mutation M { a }", "\"d\"\nmutation M {\n  a\n}")]
    public void Prints_as_graphql_js_does(string source, string expected) => ExpectPrint(source, expected);

    [Fact]
    public void Prints_nodes_built_in_code()
    {
        var field = new FieldNode(
            new NameNode("me"),
            new NameNode("user"),
            [new ArgumentNode(new NameNode("id"), new StringValueNode("4"))],
            [new DirectiveNode(new NameNode("include"), [new ArgumentNode(new NameNode("if"), new VariableNode(new NameNode("on")))])],
            new SelectionSetNode([new FieldNode(null, new NameNode("name"), [], [], null)]));

        Assert.Equal("me: user(id: \"4\") @include(if: $on) {\n  name\n}", Printer.Print(field));
        Assert.Equal("[[Int!]]!", Printer.Print(new NonNullTypeNode(new ListTypeNode(new ListTypeNode(new NonNullTypeNode(new NamedTypeNode(new NameNode("Int"))))))));
    }

    [Fact]
    public void Prints_strings_with_graphql_js_escapes()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\\u007F\\u009F\u00A0\U0001F600\"", Printer.Print(new StringValueNode("a\"b\\c\n\u0001\u007F\u009F\u00A0\U0001F600")));
    }

    // Expected texts are graphql-js 17.1.0's print(ast, { maxIndentDepth }).
    [Theory]
    [InlineData("{ a { b { c { d } } } }", 0, "{ a { b { c { d } } } }")]
    [InlineData("{ a { b { c { d } } } }", 2, "{\n  a {\n    b { c { d } }\n  }\n}")]
    [InlineData(
        "{ a(x: {aaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbbbbb: [111111111111111111, 22222222222222222222, 3333333333333333333333], c: \"x\"}) { b { c } } }",
        2,
        "{\n  a(\n    x: { aaaaaaaaaaaaaaaaaaaa: 1 bbbbbbbbbbbbbbbbbbbbbbb: [111111111111111111, 22222222222222222222, 3333333333333333333333] c: \"x\" }\n  ) {\n    b { c }\n  }\n}")]
    [InlineData("{ a { b { c(x: \"\"\"multi\nline\n  block\"\"\") } } }", 1, "{\n  a { b { c(x: \"\"\"\n  multi\n  line\n    block\n  \"\"\") } }\n}")]
    public void Stops_indenting_and_breaking_lines_below_the_max_indent_depth(string source, int maxIndentDepth, string expected) =>
        Assert.Equal(expected, Printer.Print(ExpectParse(source), maxIndentDepth));

    [Fact]
    public void Breaks_long_values_only_above_the_max_indent_depth()
    {
        var value = Parser.ParseValue("[[\"" + new string('x', 80) + "\"]]");

        Assert.Equal("[\n  [ \"" + new string('x', 80) + "\" ]\n]", Printer.Print(value, maxIndentDepth: 1));
        Assert.Equal("[\n  [\n    \"" + new string('x', 80) + "\"\n  ]\n]", Printer.Print(value));
    }

    [Fact]
    public void Prints_for_errors_with_at_most_a_hundred_levels_of_indentation()
    {
        // 103 lists around a long number: every level would wrap, so print() would indent 103 times.
        var source = new string('[', 103) + new string('1', 85) + new string(']', 103);
        var value = Parser.ParseValue(source, ParserOptions.Unlimited);

        var printed = Printer.PrintForError(value);

        // Length, line count and the innermost line of graphql-js 17.1.0's printForError.
        var lines = printed.Split('\n');
        Assert.Equal(20497, printed.Length);
        Assert.Equal(201, lines.Length);
        Assert.Equal(new string(' ', 200) + "[ [ [ " + new string('1', 85) + " ] ] ]", lines[100]);
        Assert.EndsWith("\n        ]\n      ]\n    ]\n  ]\n]", printed, StringComparison.Ordinal);
        Assert.NotEqual(printed, Printer.Print(value));
    }
}
