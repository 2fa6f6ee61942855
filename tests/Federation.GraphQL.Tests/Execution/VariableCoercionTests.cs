using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>CoerceVariableValues: https://spec.graphql.org/September2025/#CoerceVariableValues()</summary>
public sealed class VariableCoercionTests
{
    private static readonly global::Federation.GraphQL.Types.Schema TestSchema = CoercionSchema.Create();

    [Fact]
    public Task A_missing_required_variable() =>
        ExpectJson(
            TestSchema,
            "query ($x: Int!, $y: String!) { f(x: $x) }",
            """
            {"errors":[
              {"message":"Variable \"$x\" has invalid value: Expected a value of non-null type \"Int!\" to be provided.","locations":[{"line":1,"column":8}]},
              {"message":"Variable \"$y\" has invalid value: Expected a value of non-null type \"String!\" to be provided.","locations":[{"line":1,"column":18}]}]}
            """);

    [Fact]
    public Task Null_for_a_non_null_variable() =>
        ExpectJson(
            TestSchema,
            "query Q($x: Int!) { f(x: $x) }",
            """{"errors":[{"message":"Variable \"$x\" has invalid value: Expected value of non-null type \"Int!\" not to be null.","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("x", null)));

    [Fact]
    public Task A_scalar_that_does_not_coerce() =>
        ExpectJson(
            TestSchema,
            "query Q($x: Int!) { f(x: $x) }",
            """{"errors":[{"message":"Variable \"$x\" has invalid value: Int cannot represent non-integer value: \"abc\"","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("x", "abc")));

    [Fact]
    public Task Input_object_problems_at_their_paths_then_unknown_fields() =>
        ExpectJson(
            TestSchema,
            "query ($x: I!) { g(i: $x) }",
            """
            {"errors":[
              {"message":"Variable \"$x\" has invalid value at .b: String cannot represent a non string value: 2","locations":[{"line":1,"column":8}]},
              {"message":"Variable \"$x\" has invalid value: Expected value of type \"I\" not to include unknown field \"zz\", found: { a: 1, zz: 1, b: 2 }.","locations":[{"line":1,"column":8}]}]}
            """,
            variables: Vars(("x", Map(("a", 1), ("zz", 1), ("b", 2)))));

    [Fact]
    public Task Unknown_field_with_suggestions() =>
        ExpectJson(
            TestSchema,
            "query Q($i: I) { g(i: $i) }",
            """
            {"errors":[
              {"message":"Variable \"$i\" has invalid value at .a: Int cannot represent non-integer value: \"1\"","locations":[{"line":1,"column":9}]},
              {"message":"Variable \"$i\" has invalid value: Expected value of type \"I\" not to include unknown field \"c\". Did you mean \"a\" or \"b\"? Found: { a: \"1\", c: 2 }.","locations":[{"line":1,"column":9}]}]}
            """,
            variables: Vars(("i", Map(("a", "1"), ("c", 2)))));

    [Fact]
    public Task A_missing_required_input_field() =>
        ExpectJson(
            TestSchema,
            "query Q($i: I) { g(i: $i) }",
            """{"errors":[{"message":"Variable \"$i\" has invalid value: Expected value of type \"I\" to include required field \"a\", found: { b: \"s\" }.","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("i", Map(("b", "s")))));

    [Fact]
    public Task OneOf_with_two_fields() =>
        ExpectJson(
            TestSchema,
            "query Q($o: O) { g(o: $o) }",
            """{"errors":[{"message":"Variable \"$o\" has invalid value: Within OneOf Input Object type \"O\", exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("o", Map(("a", 1), ("b", "s")))));

    [Fact]
    public Task OneOf_with_a_null_field() =>
        ExpectJson(
            TestSchema,
            "query Q($o: O) { g(o: $o) }",
            """{"errors":[{"message":"Variable \"$o\" has invalid value at .a: Within OneOf Input Object type \"O\", exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("o", Map(("a", null)))));

    [Fact]
    public Task An_unknown_enum_value_with_a_suggestion() =>
        ExpectJson(
            TestSchema,
            "query Q($e: E) { g(e: $e) }",
            """{"errors":[{"message":"Variable \"$e\" has invalid value: Value \"REDD\" does not exist in \"E\" enum. Did you mean the enum value \"RED\"?","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("e", "REDD")));

    [Fact]
    public Task A_non_string_enum_value() =>
        ExpectJson(
            TestSchema,
            "query Q($e: E) { g(e: $e) }",
            """{"errors":[{"message":"Variable \"$e\" has invalid value: Enum \"E\" cannot represent non-string value: 1.","locations":[{"line":1,"column":9}]}]}""",
            variables: Vars(("e", 1)));

    [Fact]
    public Task List_items_at_their_indices() =>
        ExpectJson(
            TestSchema,
            "query Q($l: [Int!]) { g(l: $l) }",
            """
            {"errors":[
              {"message":"Variable \"$l\" has invalid value at [1]: Expected value of non-null type \"Int!\" not to be null.","locations":[{"line":1,"column":9}]},
              {"message":"Variable \"$l\" has invalid value at [2]: Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":9}]}]}
            """,
            variables: Vars(("l", new object?[] { 1, null, "x" })));

    [Fact]
    public Task Nested_list_paths() =>
        ExpectJson(
            Schema("type Query { g(s: [[Int]]): Int }"),
            "query ($x: [[Int]]) { g(s: $x) }",
            """{"errors":[{"message":"Variable \"$x\" has invalid value at [0][1]: Int cannot represent non-integer value: \"a\"","locations":[{"line":1,"column":8}]}]}""",
            variables: Vars(("x", new object?[] { new object?[] { 1, "a" } })));

    [Fact]
    public Task A_type_that_is_not_an_input_type() =>
        ExpectJson(
            TestSchema,
            "query ($x: Foo) { f(x: 1) }",
            """{"errors":[{"message":"Variable \"$x\" expected value of type \"Foo\" which cannot be used as an input type.","locations":[{"line":1,"column":12}]}]}""");

    [Fact]
    public Task An_invalid_default_value() =>
        ExpectJson(
            TestSchema,
            "query ($x: Int = \"a\") { f(x: 1) }",
            """{"errors":[{"message":"Variable \"$x\" has invalid default value: Int cannot represent non-integer value: \"a\"","locations":[{"line":1,"column":8}]}]}""");

    [Fact]
    public Task Values_coerce_with_input_field_defaults() =>
        ExpectJson(
            TestSchema,
            "query ($i: I) { g(i: $i) }",
            """{"data":{"g":"{\"i\":{\"a\":2,\"b\":\"x\"},\"d\":5}"}}""",
            variables: Vars(("i", Map(("a", 2)))));

    [Fact]
    public Task A_single_value_for_a_list_becomes_a_list() =>
        ExpectJson(
            TestSchema,
            "query ($l: [Int!]) { g(l: $l) }",
            """{"data":{"g":"{\"l\":[7],\"d\":5}"}}""",
            variables: Vars(("l", 7)));

    [Fact]
    public Task A_variable_default_is_used_when_the_variable_is_not_given() =>
        ExpectJson(TestSchema, "query ($v: Int = 3) { g(d: $v) }", """{"data":{"g":"{\"d\":3}"}}""");

    [Fact]
    public Task Enum_values_coerce_to_their_internal_values() =>
        ExpectJson(TestSchema, "query ($e: E) { g(e: $e) }", """{"data":{"g":"{\"e\":\"RED\",\"d\":5}"}}""", variables: Vars(("e", "RED")));

    [Fact]
    public async Task More_than_fifty_errors_stop_with_the_limit_error()
    {
        var values = new object?[60];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = "x";
        }

        var result = await Execute(TestSchema, "query ($l: [Int!]) { g(l: $l) }", variables: Vars(("l", values)));
        Assert.Equal(51, result.Errors.Count);
        Assert.Equal("Too many errors processing variables, error limit reached. Execution aborted.", result.Errors[50].Message);
        Assert.False(result.HasData);
    }

    [Fact]
    public Task Json_variable_values_read_as_plain_values() =>
        ExpectJson(
            TestSchema,
            "query ($i: I, $l: [Int!]) { g(i: $i, l: $l) }",
            """{"data":{"g":"{\"i\":{\"a\":4,\"b\":\"x\"},\"l\":[1,2],\"d\":5}"}}""",
            variables: Vars(("i", Json("""{"a":4}""")), ("l", Json("[1,2]"))));
}
