using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>GetOperation: https://spec.graphql.org/September2025/#GetOperation()</summary>
public sealed class OperationSelectionTests
{
    private static readonly global::Federation.GraphQL.Types.Schema TestSchema = Schema("type Query { a: Int } type Mutation { m: Int }");

    [Fact]
    public void An_invalid_schema_is_refused_before_the_request_is_looked_at_as_graphql_js_does()
    {
        // graphql-js 17.1.0's execute throws from assertValidSchema, even for a document it could not run anyway.
        var schema = Schema("type Query { a: Empty } enum Empty");
        var exception = Assert.Throws<global::Federation.GraphQL.Types.SchemaValidation.InvalidSchemaException>(
            () => Execute(schema, "query A { a } query B { a }"));
        Assert.Equal("Enum type Empty must define one or more values.", exception.Message);
    }

    [Fact]
    public Task Several_operations_need_a_name() =>
        ExpectJson(TestSchema, "query A { a } query B { a }", """{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}""");

    [Fact]
    public Task The_named_operation_runs() =>
        ExpectJson(TestSchema, "query A { a } mutation B { m }", """{"data":{"m":2}}""", Json("""{"a":1,"m":2}"""), operationName: "B");

    [Fact]
    public Task An_unknown_name_is_an_error() =>
        ExpectJson(TestSchema, "query A { a }", """{"errors":[{"message":"Unknown operation named \"X\"."}]}""", operationName: "X");

    [Fact]
    public Task A_document_without_operations_is_an_error() =>
        ExpectJson(TestSchema, "fragment F on Query { a }", """{"errors":[{"message":"Must provide an operation."}]}""");

    [Fact]
    public Task A_single_anonymous_operation_runs_without_a_name() =>
        ExpectJson(TestSchema, "{ a }", """{"data":{"a":1}}""", Json("""{"a":1}"""));

    [Fact]
    public Task A_root_type_the_schema_lacks_is_an_error_with_null_data() =>
        ExpectJson(
            Schema("type Query { a: Int }"),
            "mutation { a }",
            """{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""");

    [Fact]
    public Task A_subscription_executes_once_like_a_query_as_graphql_js_does() =>
        ExpectJson(
            Schema("type Query { a: Int } type Subscription { tick: Int }"),
            "subscription OnTick { tick }",
            """{"data":{"tick":5}}""",
            Json("""{"tick":5}"""));
}
