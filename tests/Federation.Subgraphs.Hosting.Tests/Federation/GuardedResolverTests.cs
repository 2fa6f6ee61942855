using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Tests.Signing;

namespace Federation.Subgraphs.Hosting.Tests.Federation;

public sealed class GuardedResolverTests
{
    private static readonly GatewayCaller Caller = new("tax-agency", "DATA_VERIFICATION");

    private static async Task<(int Status, JsonNode Body)> AskAsync(SubgraphServer server, string query, string variables = "{}")
    {
        var request = SubgraphServer.Query(query, variables);
        await new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now)).SignAsync(request, Caller, TestContext.Current.CancellationToken);
        var (status, body) = await server.SendAsync(request);
        return (status, JsonNode.Parse(body)!);
    }

    [Theory]
    [InlineData("""{ "text": "张\u0000三" }""", "the character U+0000")]
    [InlineData("""{ "text": "\u0000" }""", "the character U+0000")]
    [InlineData("""{ "text": "ok", "texts": ["fine", "x\u0000"] }""", "the character U+0000")]
    public async Task Text_that_PostgreSQL_cannot_hold_is_refused_before_the_resolver_runs(string variables, string problem)
    {
        await using var server = await SubgraphServer.StartAsync();

        var (status, body) = await AskAsync(server, "query ($text: String, $texts: [String!]) { echo(text: $text, texts: $texts) }", variables);

        Assert.Equal(200, status);
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_TEXT", (string?)error["extensions"]!["code"]);
        Assert.Contains(problem, (string?)error["message"], StringComparison.Ordinal);
        Assert.Null((string?)body["data"]!["echo"]);
    }

    [Fact]
    public async Task A_NUL_written_in_the_document_is_refused_too()
    {
        await using var server = await SubgraphServer.StartAsync();

        var (_, body) = await AskAsync(server, """{ echo(text: "a\u0000b") }""");

        Assert.Equal("INVALID_TEXT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Text_with_surrogate_pairs_and_any_other_character_passes()
    {
        await using var server = await SubgraphServer.StartAsync();

        var (_, body) = await AskAsync(server, "query ($text: String) { echo(text: $text) }", """{ "text": "𠮷野家\t\u0001" }""");

        Assert.Null(body["errors"]);
        Assert.Equal("𠮷野家\t\u0001", (string?)body["data"]!["echo"]);
    }

    [Fact]
    public async Task An_unexpected_failure_is_answered_without_its_details_and_logged_with_them()
    {
        await using var server = await SubgraphServer.StartAsync();

        var (status, body) = await AskAsync(server, "{ failing whoami }");

        Assert.Equal(200, status);
        var error = body["errors"]![0]!;
        Assert.Equal("INTERNAL_SERVER_ERROR", (string?)error["extensions"]!["code"]);
        Assert.Equal("The subgraph could not answer this field; the failure is logged.", (string?)error["message"]);
        Assert.DoesNotContain("secret_table", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("db-7", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("tax-agency/DATA_VERIFICATION/-", (string?)body["data"]!["whoami"]);
        var traceId = (string?)error["extensions"]!["traceId"];
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains(server.LogLines, line => line.Contains("Query.failing", StringComparison.Ordinal) && line.Contains(traceId!, StringComparison.Ordinal));
    }
}
