using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>
/// Handling Execution Errors: a null in a Non-Null position nulls the nearest nullable parent —
/// https://spec.graphql.org/September2025/#sec-Handling-Execution-Errors
/// </summary>
public sealed class NullPropagationTests
{
    private static readonly global::Federation.GraphQL.Types.Schema TestSchema = Schema("""
        type Query { obj: Obj list: [Obj!] items: [Obj] strict: [Obj!]! nested: Outer req: Obj! after: String }
        type Obj { a: Int! b: String c: Obj }
        type Outer { inner: Obj! other: String }
        """);

    [Fact]
    public Task A_null_non_null_field_nulls_its_object() =>
        ExpectJson(
            TestSchema,
            "{ obj { a b } }",
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":9}],"path":["obj","a"]}],"data":{"obj":null}}""",
            Json("""{"obj":{"a":null,"b":"x"}}"""));

    [Fact]
    public Task The_null_travels_through_non_null_parents() =>
        ExpectJson(
            TestSchema,
            "{ nested { other inner { a } } x: obj { b } }",
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":26}],"path":["nested","inner","a"]}],"data":{"nested":null,"x":{"b":"y"}}}""",
            Json("""{"nested":{"other":"o","inner":{"a":null}},"obj":{"b":"y"}}"""));

    [Fact]
    public Task A_list_of_non_null_items_becomes_null_and_stops_at_the_first_error() =>
        ExpectJson(
            TestSchema,
            "{ list { a } items { a } }",
            """
            {"errors":[
              {"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":10}],"path":["list",1,"a"]},
              {"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":22}],"path":["items",1,"a"]}],
             "data":{"list":null,"items":[{"a":1},null,{"a":3}]}}
            """,
            Json("""{"list":[{"a":1},{"a":null},{"a":null}],"items":[{"a":1},{"a":null},{"a":3}]}"""));

    [Fact]
    public Task A_non_null_list_at_the_root_nulls_data() =>
        ExpectJson(
            TestSchema,
            "{ strict { a } obj { b } }",
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":12}],"path":["strict",1,"a"]}],"data":null}""",
            Json("""{"strict":[{"a":1},{"a":null}],"obj":{"b":"b"}}"""));

    [Fact]
    public Task A_null_non_null_root_field_nulls_data() =>
        ExpectJson(
            TestSchema,
            "{ obj { b } req { a } }",
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.req.","locations":[{"line":1,"column":13}],"path":["req"]}],"data":null}""",
            Json("""{"obj":{"b":"b"},"req":null}"""));

    [Fact]
    public Task Deep_nulls_stop_at_the_nearest_nullable_field() =>
        ExpectJson(
            TestSchema,
            "{ a: obj { c { c { a } } } }",
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":20}],"path":["a","c","c","a"]}],"data":{"a":{"c":{"c":null}}}}""",
            Json("""{"obj":{"c":{"c":{"a":null}}}}"""));

    [Fact]
    public async Task Fields_after_a_null_that_reached_their_object_are_not_resolved()
    {
        var calls = 0;
        var schema = Schema("type Query { req: Obj! after: String } type Obj { a: Int }")
            .Bind("Query.after", _ =>
            {
                calls++;
                return new("late");
            });
        var result = await Execute(schema, "{ req { a } after }", Json("""{"req":null}"""));
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Query.req.","locations":[{"line":1,"column":3}],"path":["req"]}],"data":null}""", result.ToJson());
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Later_errors_under_a_nulled_object_are_dropped()
    {
        var schema = Schema("type Query { obj: Obj } type Obj { first: String! second: String }")
            .Bind("Query.obj", _ => new(new object()))
            .Bind("Obj.first", async _ =>
            {
                await Task.Delay(5);
                throw new InvalidOperationException("first failed");
            })
            .Bind("Obj.second", async _ =>
            {
                await Task.Delay(200);
                throw new InvalidOperationException("second failed");
            });

        var result = await Execute(schema, "{ obj { first second } }");

        Assert.Equal("""{"errors":[{"message":"first failed","locations":[{"line":1,"column":9}],"path":["obj","first"]}],"data":{"obj":null}}""", result.ToJson());
    }

    [Fact]
    public Task Disabling_error_propagation_keeps_nulls_where_the_errors_are() =>
        ExpectJson(
            Schema("""
                directive @experimental_disableErrorPropagation on QUERY | MUTATION | SUBSCRIPTION
                type Query { obj: Obj req: Int! list: [Int!] } type Obj { a: Int! b: String }
                """),
            "query @experimental_disableErrorPropagation { obj { a b } req list }",
            """
            {"errors":[
              {"message":"Cannot return null for non-nullable field Obj.a.","locations":[{"line":1,"column":53}],"path":["obj","a"]},
              {"message":"Cannot return null for non-nullable field Query.req.","locations":[{"line":1,"column":59}],"path":["req"]},
              {"message":"Cannot return null for non-nullable field Query.list.","locations":[{"line":1,"column":63}],"path":["list",1]}],
             "data":{"obj":{"a":null,"b":"x"},"req":null,"list":[1,null,3]}}
            """,
            Json("""{"obj":{"a":null,"b":"x"},"req":null,"list":[1,null,3]}"""));
}
