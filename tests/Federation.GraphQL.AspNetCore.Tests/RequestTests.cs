using System.Text;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>GraphQL-over-HTTP requests, good and bad: https://graphql.github.io/graphql-over-http/draft/</summary>
public sealed class RequestTests
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    [Fact]
    public async Task Post_runs_the_query_and_answers_in_graphql_response_json_when_asked()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ hello }", accept: GraphQLResponse);
        Assert.Equal(200, reply.Status);
        Assert.Equal("application/graphql-response+json; charset=utf-8", reply.ContentType);
        Assert.Equal("""{"data":{"hello":"world"}}""", reply.Body);
    }

    [Theory]
    [InlineData(null, "application/json; charset=utf-8")]
    [InlineData("*/*", "application/json; charset=utf-8")]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json; charset=utf-8")]
    [InlineData("application/json;q=0.9, application/graphql-response+json;q=0.8", "application/json; charset=utf-8")]
    [InlineData("text/plain, application/*;q=0.5", "application/json; charset=utf-8")]
    public async Task Accept_chooses_the_media_type(string? accept, string contentType)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ hello }", accept: accept);
        Assert.Equal(200, reply.Status);
        Assert.Equal(contentType, reply.ContentType);
    }

    [Fact]
    public async Task Accept_with_nothing_the_server_can_produce_is_406()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ hello }", accept: "text/plain, application/xml");
        Assert.Equal(406, reply.Status);
        Assert.Equal("NOT_ACCEPTABLE", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Post_with_a_body_that_is_not_utf8_json_is_415(string? contentType)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync("""{"query":"{ hello }"}""", contentType: contentType);
        Assert.Equal(415, reply.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData("{ \"not a JSON", "INVALID_JSON")]
    [InlineData("", "INVALID_REQUEST")]
    [InlineData("[]", "INVALID_REQUEST")]
    [InlineData("\"{ hello }\"", "INVALID_REQUEST")]
    [InlineData("{\"query\":\"{ hello }\"} {}", "INVALID_JSON")]
    [InlineData("{\"notquery\":\"{ hello }\"}", "MISSING_QUERY")]
    [InlineData("{\"query\":null}", "MISSING_QUERY")]
    [InlineData("{\"query\":{\"obj\":\"ect\"}}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":0}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":false}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":[\"array\"]}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":0}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":\"string\"}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":[]}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":0}", "INVALID_PARAMETER")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":false}", "INVALID_PARAMETER")]
    public async Task Malformed_requests_are_400_with_a_coded_error_under_either_media_type(string body, string code)
    {
        await using var server = await TestServer.StartAsync();
        foreach (var accept in new[] { Json, GraphQLResponse })
        {
            var reply = await server.PostAsync(body, accept);
            Assert.Equal(400, reply.Status);
            Assert.Equal(code, reply.FirstErrorCode);
            Assert.False(reply.HasData);
            Assert.DoesNotContain("   at ", reply.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Malformed_json_names_where_it_broke()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync("{\"query\": \"{ hello }\",, }");
        Assert.StartsWith("The request body is not valid JSON: ", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("(line 1, byte ", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("operationName")]
    [InlineData("extensions")]
    public async Task Null_optional_parameters_are_allowed(string parameter)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync($$"""{"query":"{ hello }","{{parameter}}":null}""", GraphQLResponse);
        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"data":{"hello":"world"}}""", reply.Body);
    }

    [Fact]
    public async Task Variables_and_operation_name_are_used()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync(
            "query A { hello } query B($text: String!) { echo(text: $text) }",
            variables: new { text = "Grüße 🏃" },
            operationName: "B");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Grüße 🏃", reply.Json.GetProperty("data").GetProperty("echo").GetString());
    }

    [Theory]
    [InlineData(GraphQLResponse, 400)]
    [InlineData(Json, 200)]
    public async Task Parse_failure_is_a_request_error(string accept, int status)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{", accept: accept);
        Assert.Equal(status, reply.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", reply.FirstErrorCode);
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", reply.FirstErrorMessage);
        Assert.False(reply.HasData);
    }

    [Theory]
    [InlineData(GraphQLResponse, 400)]
    [InlineData(Json, 200)]
    public async Task Validation_failure_is_a_request_error(string accept, int status)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ nope }", accept: accept);
        Assert.Equal(status, reply.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", reply.FirstErrorCode);
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", reply.FirstErrorMessage);
        Assert.False(reply.HasData);
    }

    [Theory]
    [InlineData(GraphQLResponse, 400)]
    [InlineData(Json, 200)]
    public async Task Variable_coercion_failure_is_a_request_error(string accept, int status)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("query ($text: String!) { echo(text: $text) }", variables: new { text = (string?)null }, accept: accept);
        Assert.Equal(status, reply.Status);
        Assert.False(reply.HasData);
        Assert.Equal("Variable \"$text\" has invalid value: Expected value of non-null type \"String!\" not to be null.", reply.FirstErrorMessage);
        Assert.Contains("\"code\":\"INVALID_VARIABLES\"", reply.Body);
    }

    [Fact]
    public async Task Variables_reach_introspection_fields()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("query Type($name: String!) { __type(name: $name) { name } }", variables: new { name = "sometype" }, accept: GraphQLResponse);
        Assert.Equal("""{"data":{"__type":null}}""", reply.Body);
        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData("query A { hello }", "B", "Unknown operation named \"B\".")]
    [InlineData("query A { hello } query B { hello }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("fragment F on Query { hello }", null, "Must provide an operation.")]
    public async Task Operation_that_cannot_be_found_is_a_request_error(string query, string? operationName, string message)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync(query, operationName: operationName, accept: GraphQLResponse);
        Assert.Equal(400, reply.Status);
        Assert.Equal("OPERATION_NOT_FOUND", reply.FirstErrorCode);
        Assert.Equal(message, reply.FirstErrorMessage);
    }

    [Fact]
    public async Task Field_errors_keep_status_200_with_data()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ hello broken }", accept: GraphQLResponse);
        Assert.Equal(200, reply.Status);
        Assert.True(reply.HasData);
        Assert.Equal("world", reply.Json.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(["broken"], reply.Json.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("broken on purpose", reply.FirstErrorMessage);
    }

    [Fact]
    public async Task Get_runs_queries_with_json_variables()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.GetAsync("?query=" + Uri.EscapeDataString("query ($text: String!) { echo(text: $text) }") + "&variables=" + Uri.EscapeDataString("""{"text":"hi"}"""), GraphQLResponse);
        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"data":{"echo":"hi"}}""", reply.Body);
    }

    [Theory]
    [InlineData("&variables=%7Bnot-json", "INVALID_PARAMETER")]
    [InlineData("&variables=%5B%5D", "INVALID_PARAMETER")]
    [InlineData("&extensions=1", "INVALID_PARAMETER")]
    [InlineData("&operationName=A&operationName=B", "INVALID_PARAMETER")]
    public async Task Get_with_bad_parameters_is_400(string parameters, string code)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.GetAsync("?query=%7Bhello%7D" + parameters, Json);
        Assert.Equal(400, reply.Status);
        Assert.Equal(code, reply.FirstErrorCode);
    }

    [Fact]
    public async Task Get_without_query_is_400()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.GetAsync("", Json);
        Assert.Equal(400, reply.Status);
        Assert.Equal("MISSING_QUERY", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData("mutation { rename(name: \"x\") }", null)]
    [InlineData("query Q { hello } mutation M { rename(name: \"x\") }", "M")]
    public async Task Mutation_over_get_is_405_and_does_not_run(string query, string? operationName)
    {
        var renamed = 0;
        var schema = TestSchema.Create().Bind("Mutation.rename", _ => { renamed++; return ValueTask.FromResult<object?>("x"); });
        await using var server = await TestServer.StartAsync(schema: schema);
        var reply = await server.GetAsync("?query=" + Uri.EscapeDataString(query) + (operationName is null ? "" : "&operationName=" + operationName), GraphQLResponse);
        Assert.Equal(405, reply.Status);
        Assert.Equal("MUTATION_OVER_GET", reply.FirstErrorCode);
        Assert.Equal(["POST"], reply.Response.Content.Headers.Allow);
        Assert.Equal(0, renamed);
    }

    [Fact]
    public async Task Mutation_over_post_runs()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("mutation { rename(name: \"Grace\") }", accept: GraphQLResponse);
        Assert.Equal("""{"data":{"rename":"Grace"}}""", reply.Body);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405(string method)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.SendAsync(new HttpRequestMessage(new HttpMethod(method), "") { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        Assert.Equal(405, reply.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", reply.FirstErrorCode);
        Assert.Equal(["GET", "POST"], reply.Response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Get_can_be_switched_off()
    {
        await using var server = await TestServer.StartAsync(options => options.AllowGet = false);
        var reply = await server.GetAsync("?query=%7Bhello%7D", Json);
        Assert.Equal(405, reply.Status);
        Assert.Equal(["POST"], reply.Response.Content.Headers.Allow);
        Assert.Equal("The method GET is not allowed; use POST.", reply.FirstErrorMessage);
    }

    [Fact]
    public async Task Charset_utf8_in_content_type_is_accepted()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync("""{"query":"{ echo(text: \"Run🏃Swim🏊\") }"}""", contentType: "application/json; charset=UTF-8");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Run🏃Swim🏊", reply.Json.GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Resolver_exceptions_are_field_errors_without_stack_traces()
    {
        var schema = TestSchema.Create().Bind("Query.hello", _ => throw new InvalidOperationException("secret detail"));
        await using var server = await TestServer.StartAsync(schema: schema);
        var reply = await server.PostQueryAsync("{ hello }", accept: GraphQLResponse);
        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"errors":[{"message":"secret detail","locations":[{"line":1,"column":3}],"path":["hello"]}],"data":{"hello":null}}""", reply.Body);
    }
}
