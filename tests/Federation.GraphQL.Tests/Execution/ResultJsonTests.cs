using System.Text;
using System.Text.Json;
using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>Response format: https://spec.graphql.org/September2025/#sec-Response-Format, keyed as graphql-js orders it.</summary>
public sealed class ResultJsonTests
{
    private static readonly global::Federation.GraphQL.Types.Schema TestSchema = Schema("""
        type Query { obj: Obj f: Float req: Int! }
        type Obj { a: Int! b(x: Int = 2): String @deprecated(reason: "old") }
        """);

    [Fact]
    public Task Keys_follow_the_selection_with_aliases_and_merged_fields() =>
        ExpectJson(
            TestSchema,
            "{ x: obj { a: b b: a } obj { b } obj { a ...F } __typename } fragment F on Obj { b __typename }",
            """{"data":{"x":{"a":"s","b":1},"obj":{"b":"s","a":1,"__typename":"Obj"},"__typename":"Query"}}""",
            Json("""{"obj":{"a":1,"b":"s"}}"""));

    [Fact]
    public Task Errors_come_before_data() =>
        ExpectJson(
            TestSchema,
            "{ obj { b } req }",
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.req.","locations":[{"line":1,"column":13}],"path":["req"]}],"data":null}""",
            Json("""{"obj":{"b":"s"}}"""));

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.1, "0.1")]
    [InlineData(3.0, "3")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(123456789.125, "123456789.125")]
    public Task Floats_are_written_as_JavaScript_writes_them(double value, string json) =>
        ExpectJson(TestSchema, "{ f }", $$$"""{"data":{"f":{{{json}}}}}""", Map(("f", value)));

    [Fact]
    public async Task Writes_to_streams_and_buffers_alike()
    {
        var result = await Execute(TestSchema, "{ obj { a } }", Json("""{"obj":{"a":7}}"""));
        using var stream = new MemoryStream();
        await result.WriteToAsync(stream, TestContext.Current.CancellationToken);
        Assert.Equal("""{"data":{"obj":{"a":7}}}""", Encoding.UTF8.GetString(stream.ToArray()));

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteTo(writer);
        }

        Assert.Equal("""{"data":{"obj":{"a":7}}}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public Task Introspection_meta_fields_answer_from_the_schema() =>
        ExpectJson(
            TestSchema,
            """{ __schema { queryType { name } mutationType { name } } t: __type(name: "Obj") { name kind fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name defaultValue type { name } } } } }""",
            """
            {"data":{"__schema":{"queryType":{"name":"Query"},"mutationType":null},
              "t":{"name":"Obj","kind":"OBJECT","fields":[
                {"name":"a","isDeprecated":false,"deprecationReason":null,"args":[]},
                {"name":"b","isDeprecated":true,"deprecationReason":"old","args":[{"name":"x","defaultValue":"2","type":{"name":"Int"}}]}]}}}
            """);
}
