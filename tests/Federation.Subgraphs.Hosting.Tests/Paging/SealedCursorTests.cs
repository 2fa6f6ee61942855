using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Tests.Signing;

namespace Federation.Subgraphs.Hosting.Tests.Paging;

/// <summary>Cursors through a served subgraph: handed out sealed, taken back only by the same list for the same caller.</summary>
public sealed class SealedCursorTests
{
    private static readonly GatewayCaller Caller = new("11330203MB0000001X", "DATA_VERIFICATION", Division: "330203");

    private const string Numbers = """
        query ($startingWith: String, $first: Int, $after: String) {
          numbers(startingWith: $startingWith, first: $first, after: $after) {
            edges { cursor node }
            pageInfo { hasNextPage endCursor }
            totalCount
          }
        }
        """;

    private static async Task<JsonNode> AskAsync(SubgraphServer server, string variables, GatewayCaller? caller = null)
    {
        var request = SubgraphServer.Query(Numbers, variables);
        await new GatewaySignature(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now)).SignAsync(request, caller ?? Caller, TestContext.Current.CancellationToken);
        var (status, body) = await server.SendAsync(request);
        Assert.Equal(200, status);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Every_page_continues_after_the_last_ones_end_cursor()
    {
        await using var server = await SubgraphServer.StartAsync();
        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var body = await AskAsync(server, new JsonObject { ["first"] = 10, ["after"] = after }.ToJsonString());
            var numbers = body["data"]!["numbers"]!;
            seen.AddRange(numbers["edges"]!.AsArray().Select(e => (string)e!["node"]!));
            Assert.Equal(25, (int)numbers["totalCount"]!);
            if (!(bool)numbers["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }

            after = (string?)numbers["pageInfo"]!["endCursor"];
        }

        Assert.Equal(SubgraphServer.Numbers, seen);
    }

    [Fact]
    public async Task A_cursor_carries_none_of_the_row()
    {
        await using var server = await SubgraphServer.StartAsync();

        var body = await AskAsync(server, """{ "first": 1 }""");

        var cursor = (string)body["data"]!["numbers"]!["edges"]![0]!["cursor"]!;
        var decoded = System.Text.Encoding.Latin1.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
        Assert.DoesNotContain("n00", decoded, StringComparison.Ordinal);
    }

    public static TheoryData<string> Misuses() => ["another agency", "another division", "another filter", "altered", "truncated", "garbage"];

    [Theory]
    [MemberData(nameof(Misuses))]
    public async Task A_cursor_used_elsewhere_or_altered_is_a_coded_error_not_a_failure(string misuse)
    {
        await using var server = await SubgraphServer.StartAsync();
        var first = await AskAsync(server, """{ "first": 5 }""");
        var cursor = (string)first["data"]!["numbers"]!["pageInfo"]!["endCursor"]!;

        var (caller, variables) = misuse switch
        {
            "another agency" => (Caller with { Agency = "11330212MB0000002X" }, new JsonObject { ["first"] = 5, ["after"] = cursor }),
            "another division" => (Caller with { Division = "330212" }, new JsonObject { ["first"] = 5, ["after"] = cursor }),
            "another filter" => (Caller, new JsonObject { ["startingWith"] = "n1", ["first"] = 5, ["after"] = cursor }),
            "altered" => (Caller, new JsonObject { ["first"] = 5, ["after"] = cursor[..^2] + (cursor[^2] == 'A' ? 'B' : 'A') + cursor[^1] }),
            "truncated" => (Caller, new JsonObject { ["first"] = 5, ["after"] = cursor[..^4] }),
            _ => (Caller, new JsonObject { ["first"] = 5, ["after"] = "bjA0" }),
        };
        var body = await AskAsync(server, variables.ToJsonString(), caller);

        Assert.Null(body["data"]);
        var error = body["errors"]![0]!;
        Assert.Equal("INVALID_CURSOR", (string?)error["extensions"]!["code"]);
        Assert.Equal("`after` is not a cursor of this list for this caller: pass a page's `endCursor` or an edge's `cursor` unchanged, to the same field with the same arguments.", (string?)error["message"]);
    }
}
