namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>The GraphiQL page for browsers, served with its assets by the application itself.</summary>
public sealed class GraphiQLTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task Browsers_get_the_page_and_its_assets_from_the_app()
    {
        await using var server = await TestServer.StartAsync();
        var page = await server.GetAsync("", BrowserAccept);
        Assert.Equal(200, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains("data-endpoint=\"/graphql\"", page.Body, StringComparison.Ordinal);

        foreach (var asset in new[] { "react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "graphiql.min.css", "graphiql-start.js" })
        {
            Assert.Contains("/graphql/graphiql/" + asset, page.Body, StringComparison.Ordinal);
            var reply = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.Endpoint + "/graphiql/" + asset));
            Assert.Equal(200, reply.Status);
            Assert.True(reply.Body.Length > 100, asset);
        }

        Assert.DoesNotContain("https://", page.Body, StringComparison.Ordinal);
        Assert.Equal(404, (await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.Endpoint + "/graphiql/nope.js"))).Status);
    }

    [Fact]
    public async Task Browsers_navigating_with_a_query_get_json()
    {
        await using var server = await TestServer.StartAsync();
        var reply = await server.GetAsync("?query=%7Bhello%7D", BrowserAccept);
        Assert.Equal(200, reply.Status);
        Assert.Equal("""{"data":{"hello":"world"}}""", reply.Body);
    }

    [Fact]
    public async Task The_page_can_be_switched_off()
    {
        await using var server = await TestServer.StartAsync(options => options.EnableGraphiQL = false);
        var reply = await server.GetAsync("", "text/html");
        Assert.Equal(406, reply.Status);
    }

    [Fact]
    public async Task Headless_chromium_runs_a_query_in_graphiql()
    {
        await using var server = await TestServer.StartAsync();
        var result = await PeerScript.RunAsync("graphiql-browser.mjs", server.Endpoint.ToString(), "{ hello echo(text: \"from GraphiQL\") }");

        Assert.True(result.GetProperty("loaded").GetBoolean());
        var shown = System.Text.Json.JsonDocument.Parse(result.GetProperty("result").GetString()!).RootElement;
        Assert.Equal("world", shown.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("from GraphiQL", shown.GetProperty("data").GetProperty("echo").GetString());
        var origin = server.Endpoint.GetLeftPart(UriPartial.Authority);
        Assert.All(result.GetProperty("requests").EnumerateArray(), request => Assert.StartsWith(origin, request.GetString(), StringComparison.Ordinal));
    }
}
