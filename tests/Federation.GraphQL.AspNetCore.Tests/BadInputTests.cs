using System.Net.Http.Headers;
using System.Text;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>Input that once made the endpoint fail with 500: each is a 400 with a coded error.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("""{"query":"{ echo(text: \"\ud800\") }"}""")]
    [InlineData("""{"query":"query ($t: String!) { echo(text: $t) }","variables":{"t":"a\udfff"}}""")]
    [InlineData("""{"query":"{ hello }","operationName":"\ud800"}""")]
    [InlineData("""{"query":"{ hello }","extensions":{"\ud800":1}}""")]
    [InlineData("""{"query":"{ hello }","unknown":["\ud800"]}""")]
    public async Task An_escaped_lone_surrogate_anywhere_in_the_body_is_invalid_unicode(string body)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync(body);
        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_UNICODE", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(30)]
    public async Task Bytes_that_are_not_utf8_anywhere_in_the_body_are_invalid_unicode(int at)
    {
        await using var server = await TestServer.StartAsync();
        var body = Encoding.UTF8.GetBytes("""{"query":"{ hello }","x":"abc"}""");
        byte[] bytes = [.. body.AsSpan(0, at), 0xED, 0xA0, 0x80, .. body.AsSpan(at)];
        var reply = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse("application/json") } },
        });
        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_UNICODE", reply.FirstErrorCode);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_get_variables_parameter_is_invalid_unicode()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.GetAsync("?query=" + Uri.EscapeDataString("query ($t: String!) { echo(text: $t) }") + "&variables=" + Uri.EscapeDataString("""{"t":"\ud800"}"""));
        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_UNICODE", reply.FirstErrorCode);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_graphql_string_is_a_syntax_error()
    {
        // The JSON is valid (an escaped backslash); the GraphQL string holds \uD800, which the spec refuses.
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync("""{"query":"{ echo(text: \"\\uD800\") }"}""", accept: "application/graphql-response+json");
        Assert.Equal(400, reply.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", reply.FirstErrorCode);
        Assert.Contains("Invalid Unicode escape sequence", reply.FirstErrorMessage);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public async Task A_number_beyond_a_double_is_invalid_json(string number)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostAsync("""{"query":"query ($n: Int) { people(first: $n) { id } }","variables":{"n":""" + number + "}}");
        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_JSON", reply.FirstErrorCode);
    }

    [Theory]
    [InlineData("{ __typename: hello }")]
    [InlineData("{ __schema: hello }")]
    [InlineData("{ person(id: 1) { __x: name } }")]
    public async Task An_alias_beginning_with_two_underscores_is_refused(string query)
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync(query, accept: "application/graphql-response+json");
        Assert.Equal(400, reply.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", reply.FirstErrorCode);
        Assert.Contains("is reserved", reply.FirstErrorMessage);
    }

    [Fact]
    public async Task Typename_aliased_to_itself_is_allowed()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ __typename: __typename }");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Query", reply.Json.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_has_a_code()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("query ($t: String!) { echo(text: $t) }", variables: new { t = new[] { 1 } }, accept: "application/graphql-response+json");
        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_VARIABLES", reply.FirstErrorCode);
    }
}
