namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>Each request limit at its value (accepted) and one over (refused, naming the limit and its value).</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task Body_size()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxBodyBytes = 100);
        var at = await server.PostAsync(BodyOfLength(100));
        Assert.Equal(200, at.Status);

        var over = await server.PostAsync(BodyOfLength(101));
        Assert.Equal(413, over.Status);
        AssertLimit(over, "BODY_TOO_LARGE", "MaxBodyBytes", 100);
        Assert.Equal("The request body is larger than 100 bytes (MaxBodyBytes).", over.FirstErrorMessage);
    }

    [Fact]
    public async Task Body_size_without_content_length()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxBodyBytes = 100);
        var over = await server.SendAsync(new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BodyOfLength(101))))
            {
                Headers = { ContentType = new("application/json") },
            },
            Headers = { TransferEncodingChunked = true },
        });
        Assert.Equal(413, over.Status);
    }

    [Fact]
    public async Task Document_length()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxDocumentLength = 20);
        Assert.Equal(200, (await server.PostQueryAsync("{ hello }".PadRight(20), accept: "application/graphql-response+json")).Status);

        var over = await server.PostQueryAsync("{ hello }".PadRight(21), accept: "application/graphql-response+json");
        Assert.Equal(400, over.Status);
        AssertLimit(over, "DOCUMENT_TOO_LARGE", "MaxDocumentLength", 20);
    }

    [Fact]
    public async Task Tokens()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxTokens = 5);
        Assert.Equal(200, (await server.PostQueryAsync("{ hello hello hello }", accept: "application/graphql-response+json")).Status);

        var over = await server.PostQueryAsync("{ hello hello hello hello }", accept: "application/graphql-response+json");
        Assert.Equal(400, over.Status);
        AssertLimit(over, "TOO_MANY_TOKENS", "MaxTokens", 5);
    }

    [Fact]
    public async Task Depth()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxDepth = 3);
        Assert.Equal(200, (await server.PostQueryAsync("{ person(id: 1) { friends { name } } }", accept: "application/graphql-response+json")).Status);

        var over = await server.PostQueryAsync("{ person(id: 1) { friends { friends { name } } } }", accept: "application/graphql-response+json");
        Assert.Equal(400, over.Status);
        AssertLimit(over, "TOO_DEEP", "MaxDepth", 3);
    }

    [Fact]
    public async Task Aliases()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxAliases = 2);
        Assert.Equal(200, (await server.PostQueryAsync("{ a: hello b: hello }", accept: "application/graphql-response+json")).Status);

        var over = await server.PostQueryAsync("{ a: hello b: hello c: hello }", accept: "application/graphql-response+json");
        Assert.Equal(400, over.Status);
        AssertLimit(over, "TOO_MANY_ALIASES", "MaxAliases", 2);
    }

    [Fact]
    public async Task Cost()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxCost = 10);
        Assert.Equal(200, (await server.PostQueryAsync("{ people(first: 10) { name } }", accept: "application/graphql-response+json")).Status);

        var over = await server.PostQueryAsync("{ people(first: 11) { name } }", accept: "application/graphql-response+json");
        Assert.Equal(400, over.Status);
        AssertLimit(over, "COST_LIMIT_EXCEEDED", "MaxCost", 10);
        Assert.Equal("The operation costs 11, more than the limit of 10 (MaxCost).", over.FirstErrorMessage);

        // Repeated, the operation's cost comes from the document cache: still refused.
        var again = await server.PostQueryAsync("{ people(first: 11) { name } }", accept: "application/graphql-response+json");
        Assert.Equal(over.Body, again.Body);
    }

    [Fact]
    public async Task Introspection_list_depth()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxIntrospectionListDepth = 2);
        Assert.Equal(200, (await server.PostQueryAsync("{ __schema { types { fields { name } } } }", accept: "application/graphql-response+json")).Status);

        var over = await server.PostQueryAsync("{ __schema { types { fields { args { name } } } } }", accept: "application/graphql-response+json");
        Assert.Equal(400, over.Status);
        AssertLimit(over, "INTROSPECTION_TOO_DEEP", "MaxIntrospectionListDepth", 2);
    }

    [Fact]
    public async Task Cost_default_refuses_nested_lists()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.PostQueryAsync("{ people(first: 100) { friends { friends { friends { id } } } } }", accept: "application/graphql-response+json");
        Assert.Equal(400, reply.Status);
        Assert.Equal("The operation costs 842100, more than the limit of 10000 (MaxCost).", reply.FirstErrorMessage);
    }

    [Fact]
    public async Task Cost_limit_uses_variable_values()
    {
        await using var server = await TestServer.StartAsync(options => options.Limits.MaxCost = 10);
        const string query = "query ($n: Int) { people(first: $n) { id } }";
        Assert.Equal(200, (await server.PostQueryAsync(query, variables: new { n = 10 }, accept: "application/graphql-response+json")).Status);
        Assert.Equal(400, (await server.PostQueryAsync(query, variables: new { n = 11 }, accept: "application/graphql-response+json")).Status);
    }

    [Fact]
    public async Task Timeout_cancels_the_operation_and_answers_504()
    {
        // Generous against a busy machine: the fast query must never reach the limit, and the slow
        // one (ten minutes) must be cut off at it rather than run to its end.
        await using var server = await TestServer.StartAsync(options => options.RequestTimeout = TimeSpan.FromSeconds(3));
        Assert.Equal(200, (await server.PostQueryAsync("{ slow(milliseconds: 1) }")).Status);

        var started = DateTime.UtcNow;
        var over = await server.PostQueryAsync("{ slow(milliseconds: 600000) }", accept: "application/graphql-response+json");
        Assert.Equal(504, over.Status);
        Assert.Equal("REQUEST_TIMEOUT", over.FirstErrorCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1));
    }

    private static string BodyOfLength(int length)
    {
        const string start = """{"query":"{ hello }" """;
        return start + new string(' ', length - start.Length - 1) + "}";
    }

    private static void AssertLimit(Reply reply, string code, string limit, double value)
    {
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(code, extensions.GetProperty("code").GetString());
        Assert.Equal(limit, extensions.GetProperty("limit").GetString());
        Assert.Equal(value, extensions.GetProperty("value").GetDouble());
        Assert.False(reply.HasData);
    }
}
