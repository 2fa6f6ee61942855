using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>Only the gateway may ask: requests without its valid, fresh, unused signature get 401 with the reason's code.</summary>
public sealed class SignatureTests
{
    private static readonly GatewayCaller Caller = SignedGraphQLClient.DefaultCaller;

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        using var client = server.UnsignedClient();

        var (status, code) = await SendAsync(client, Query());

        Assert.Equal((401, "SIGNATURE_MISSING"), (status, code));
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        using var client = server.UnsignedClient();
        var request = Query();
        await new GatewaySignature("a-secret-the-subgraph-does-not-share-with-anyone").SignAsync(request, Caller, TestContext.Current.CancellationToken);

        var (status, code) = await SendAsync(client, request);

        Assert.Equal((401, "SIGNATURE_INVALID"), (status, code));
    }

    [Fact]
    public async Task A_request_signed_too_long_ago_is_refused()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        using var client = server.UnsignedClient();
        var request = Query();
        await new GatewaySignature(SignedGraphQLClient.Secret, new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-5))).SignAsync(request, Caller, TestContext.Current.CancellationToken);

        var (status, code) = await SendAsync(client, request);

        Assert.Equal((401, "SIGNATURE_EXPIRED"), (status, code));
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        await using var server = await LegalPersonsServer.StartAsync();
        using var client = server.UnsignedClient();
        var original = Query();
        await new GatewaySignature(SignedGraphQLClient.Secret).SignAsync(original, Caller, TestContext.Current.CancellationToken);
        var replay = Query();
        foreach (var header in original.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var first = await SendAsync(client, original);
        var second = await SendAsync(client, replay);

        Assert.Equal((200, (string?)null), first);
        Assert.Equal((401, "SIGNATURE_REPLAYED"), second);
    }

    [Fact]
    public async Task The_development_setting_accepts_unsigned_requests()
    {
        await using var server = await LegalPersonsServer.StartAsync(settings: new Dictionary<string, string?> { ["GatewaySignature:RequireGatewaySignature"] = "false" });
        using var client = server.UnsignedClient();

        var (status, code) = await SendAsync(client, Query());

        Assert.Equal((200, (string?)null), (status, code));
    }

    private static HttpRequestMessage Query() => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent("""{"query":"{ legalPersons(first: 1) { totalCount } }"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    private static async Task<(int Status, string? Code)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return ((int)response.StatusCode, body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
