using Federation.GraphQL.Types;
using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>Field errors: https://spec.graphql.org/September2025/#sec-Errors.Field-Errors</summary>
public sealed class FieldErrorTests
{
    [Fact]
    public Task A_thrown_exception_becomes_a_field_error_with_path_and_location()
    {
        var schema = Schema("type Query { boom: String obj: Obj } type Obj { b: String }")
            .Bind("Query.boom", _ => throw new InvalidOperationException("kaboom"));
        return ExpectJson(
            schema,
            "{ boom obj { b } }",
            """{"errors":[{"message":"kaboom","locations":[{"line":1,"column":3}],"path":["boom"]}],"data":{"boom":null,"obj":{"b":"b"}}}""",
            Json("""{"obj":{"b":"b"}}"""));
    }

    [Fact]
    public Task An_async_failure_is_a_field_error_too()
    {
        var schema = Schema("type Query { boom: String }")
            .Bind("Query.boom", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("later");
            });
        return ExpectJson(schema, "{ boom }", """{"errors":[{"message":"later","locations":[{"line":1,"column":3}],"path":["boom"]}],"data":{"boom":null}}""");
    }

    [Fact]
    public Task A_GraphQLException_keeps_its_extensions()
    {
        var schema = Schema("type Query { denied: String }")
            .Bind("Query.denied", _ => throw new GraphQLException(new GraphQLError(
                "Not allowed",
                extensions: new Dictionary<string, object?> { ["code"] = "FORBIDDEN", ["detail"] = new Dictionary<string, object?> { ["grant"] = 7 } })));
        return ExpectJson(
            schema,
            "{ x: denied }",
            """{"errors":[{"message":"Not allowed","locations":[{"line":1,"column":3}],"path":["x"],"extensions":{"code":"FORBIDDEN","detail":{"grant":7}}}],"data":{"x":null}}""");
    }

    [Fact]
    public Task An_exception_value_in_a_list_is_an_error_at_the_item()
    {
        var schema = Schema("type Query { boomList: [String] many: [Int!] }")
            .Bind("Query.boomList", _ => new(new object?[] { "a", new InvalidOperationException("bad item"), "c" }))
            .Bind("Query.many", _ => new(new object?[] { 1, new InvalidOperationException("bad"), 3 }));
        return ExpectJson(
            schema,
            "{ boomList many }",
            """
            {"errors":[
              {"message":"bad item","locations":[{"line":1,"column":3}],"path":["boomList",1]},
              {"message":"bad","locations":[{"line":1,"column":12}],"path":["many",1]}],
             "data":{"boomList":["a",null,"c"],"many":null}}
            """);
    }

    [Theory]
    [InlineData("""{"obj":{"a":2147483648}}""", "{ obj { a } }", """{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 2147483648","locations":[{"line":1,"column":9}],"path":["obj","a"]}],"data":{"obj":{"a":null}}}""")]
    [InlineData("""{"obj":{"b":{"x":1}}}""", "{ obj { b } }", """{"errors":[{"message":"String cannot represent value: { x: 1 }","locations":[{"line":1,"column":9}],"path":["obj","b"]}],"data":{"obj":{"b":null}}}""")]
    [InlineData("""{"obj":{"b":1.5}}""", "{ obj { b } }", """{"data":{"obj":{"b":"1.5"}}}""")]
    [InlineData("""{"obj":{"b":true}}""", "{ obj { b } }", """{"data":{"obj":{"b":"true"}}}""")]
    [InlineData("""{"color":"BLUE"}""", "{ color }", """{"errors":[{"message":"Enum \"E\" cannot represent value: \"BLUE\"","locations":[{"line":1,"column":3}],"path":["color"]}],"data":{"color":null}}""")]
    [InlineData("""{"color":"RED"}""", "{ color }", """{"data":{"color":"RED"}}""")]
    [InlineData("""{"list":"abc"}""", "{ list { a } }", """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.list\".","locations":[{"line":1,"column":3}],"path":["list"]}],"data":{"list":null}}""")]
    [InlineData("""{"list":{"a":1}}""", "{ list { a } }", """{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.list\".","locations":[{"line":1,"column":3}],"path":["list"]}],"data":{"list":null}}""")]
    public Task Result_coercion_errors(string root, string document, string expected) =>
        ExpectJson(
            Schema("type Query { obj: Obj color: E list: [Obj] } type Obj { a: Int b: String } enum E { RED }"),
            document,
            expected,
            Json(root));

    [Fact]
    public Task Enum_internal_values_serialize_to_names()
    {
        var schema = new Schema(new ObjectType("Query", () =>
        [
            new OutputField("level", new EnumType("Level", [new EnumValue("HIGH") { Value = 3 }, new EnumValue("LOW") { Value = 1 }]))
            {
                Resolver = _ => new(1),
            },
        ]));
        return ExpectJson(schema, "{ level }", """{"data":{"level":"LOW"}}""");
    }
}
