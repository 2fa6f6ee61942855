using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>CoerceArgumentValues: https://spec.graphql.org/September2025/#CoerceArgumentValues()</summary>
public sealed class ArgumentCoercionTests
{
    private static readonly global::Federation.GraphQL.Types.Schema TestSchema = CoercionSchema.Create();

    [Theory]
    [InlineData("{ g(i: {a: 1}) }", """{"i":{"a":1,"b":"x"},"d":5}""")]
    [InlineData("{ g(i: {a: 1, b: null}) }", """{"i":{"a":1,"b":null},"d":5}""")]
    [InlineData("""{ g(l: 3, s: "x") }""", """{"l":[3],"d":5,"s":["x"]}""")]
    [InlineData("""{ g(o: {b: "q"}) }""", """{"o":{"b":"q"},"d":5}""")]
    [InlineData("{ g(e: GREEN) }", """{"e":"GREEN","d":5}""")]
    [InlineData("{ g(d: null) }", """{"d":null}""")]
    [InlineData("query ($v: Int) { g(d: $v) }", """{"d":5}""")]
    [InlineData("query ($v: Int) { g(i: {a: 1, b: $v}) }", """{"i":{"a":1,"b":"x"},"d":5}""")]
    public async Task Literals_variables_and_defaults(string document, string arguments)
    {
        var result = await Execute(TestSchema, document);
        Assert.Empty(result.Errors);
        Assert.Equal(arguments, result.ToData()!["g"]);
    }

    [Fact]
    public Task A_variable_holding_null_is_null_not_the_default() =>
        ExpectJson(TestSchema, "query ($v: Int) { g(d: $v) }", """{"data":{"g":"{\"d\":null}"}}""", variables: Vars(("v", null)));

    [Fact]
    public Task A_required_argument_not_given() =>
        ExpectJson(
            TestSchema,
            "{ f }",
            """{"errors":[{"message":"Argument \"Query.f(x:)\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":3}],"path":["f"]}],"data":{"f":null}}""",
            Json("""{"f":1}"""));

    [Fact]
    public Task A_missing_variable_for_a_non_null_argument() =>
        ExpectJson(
            TestSchema,
            "query ($x: Int) { f(x: $x) }",
            """{"errors":[{"message":"Argument \"Query.f(x:)\" has invalid value: Expected variable \"$x\" provided to type \"Int!\" to provide a runtime value.","locations":[{"line":1,"column":24}],"path":["f"]}],"data":{"f":null}}""",
            Json("""{"f":1}"""));

    [Fact]
    public Task A_null_variable_for_a_non_null_argument() =>
        ExpectJson(
            TestSchema,
            "query ($v: Int) { f(x: $v) }",
            """{"errors":[{"message":"Argument \"Query.f(x:)\" has invalid value: Expected variable \"$v\" provided to non-null type \"Int!\" not to be null.","locations":[{"line":1,"column":24}],"path":["f"]}],"data":{"f":null}}""",
            Json("""{"f":1}"""),
            Vars(("v", null)));

    [Fact]
    public Task A_null_variable_in_a_list_of_non_null() =>
        ExpectJson(
            TestSchema,
            "query ($v: Int) { g(l: [1, $v]) }",
            """{"errors":[{"message":"Argument \"Query.g(l:)\" has invalid value at [1]: Expected variable \"$v\" provided to non-null type \"Int!\" not to be null.","locations":[{"line":1,"column":28}],"path":["g"]}],"data":{"g":null}}""",
            variables: Vars(("v", null)));

    [Fact]
    public Task OneOf_variable_null() =>
        ExpectJson(
            TestSchema,
            "query ($x: Int) { g(o: {a: $x}) }",
            """{"errors":[{"message":"Argument \"Query.g(o:)\" has invalid value: Expected variable \"$x\" provided to field \"a\" for OneOf Input Object type \"O\" not to be null.","locations":[{"line":1,"column":24}],"path":["g"]}],"data":{"g":null}}""",
            variables: Vars(("x", null)));

    [Fact]
    public Task OneOf_variable_missing() =>
        ExpectJson(
            TestSchema,
            "query ($v: Int) { g(o: {a: $v}) }",
            """{"errors":[{"message":"Argument \"Query.g(o:)\" has invalid value: Expected variable \"$v\" provided to field \"a\" for OneOf Input Object type \"O\" to provide a runtime value.","locations":[{"line":1,"column":24}],"path":["g"]}],"data":{"g":null}}""");

    [Fact]
    public Task OneOf_literal_with_two_fields() =>
        ExpectJson(
            TestSchema,
            """{ g(o: {a: 1, b: "x"}) }""",
            """{"errors":[{"message":"Argument \"Query.g(o:)\" has invalid value: Within OneOf Input Object type \"O\", exactly one field must be specified, and the value for that field must be non-null.","locations":[{"line":1,"column":8}],"path":["g"]}],"data":{"g":null}}""");

    [Fact]
    public Task An_unknown_enum_literal() =>
        ExpectJson(
            TestSchema,
            "{ g(e: BLUE) }",
            """{"errors":[{"message":"Argument \"Query.g(e:)\" has invalid value: Value \"BLUE\" does not exist in \"E\" enum.","locations":[{"line":1,"column":8}],"path":["g"]}],"data":{"g":null}}""");

    [Fact]
    public Task A_string_literal_for_an_enum() =>
        ExpectJson(
            TestSchema,
            """{ g(e: "RED") }""",
            """{"errors":[{"message":"Argument \"Query.g(e:)\" has invalid value: Enum \"E\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?","locations":[{"line":1,"column":8}],"path":["g"]}],"data":{"g":null}}""");

    [Fact]
    public Task A_scalar_literal_that_does_not_coerce() =>
        ExpectJson(
            TestSchema,
            """{ f(x: "a") }""",
            """{"errors":[{"message":"Argument \"Query.f(x:)\" has invalid value: Int cannot represent non-integer value: \"a\"","locations":[{"line":1,"column":8}],"path":["f"]}],"data":{"f":null}}""");

    [Fact]
    public Task An_input_object_literal_missing_a_required_field() =>
        ExpectJson(
            TestSchema,
            """{ g(i: {b: "q"}) }""",
            """{"errors":[{"message":"Argument \"Query.g(i:)\" has invalid value: Expected value of type \"I\" to include required field \"a\", found: { b: \"q\" }.","locations":[{"line":1,"column":8}],"path":["g"]}],"data":{"g":null}}""");

    [Fact]
    public Task An_input_object_literal_with_an_unknown_field() =>
        ExpectJson(
            TestSchema,
            "{ g(i: {a: 1, zzz: 2}) }",
            """{"errors":[{"message":"Argument \"Query.g(i:)\" has invalid value: Expected value of type \"I\" not to include unknown field \"zzz\", found: { a: 1, zzz: 2 }.","locations":[{"line":1,"column":15}],"path":["g"]}],"data":{"g":null}}""");

    [Fact]
    public Task Skip_and_include_read_variables_and_defaults() =>
        ExpectJson(
            TestSchema,
            "query ($d: Boolean = false) { a: f(x: 1) @include(if: $d) b: f(x: 2) @skip(if: $d) }",
            """{"data":{"b":1}}""",
            Json("""{"f":1}"""));
}
