using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Federation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Security;

/// <summary>
/// The platform as the outside review attacked it: the four agency subgraphs (in-memory stores, one
/// demo world) behind the gateway service in its default Filter mode with the committed catalogue,
/// callers signed in with tokens of the demo agencies. Started once for the review's cases.
/// </summary>
public sealed class ReviewPlatform : IAsyncLifetime
{
    public const int Persons = 2_000;

    /// <summary>宁波市公安局: provides the population register (and so marital status).</summary>
    internal static readonly Caller PublicSecurity = new("li.ming", "11330200123456788X", "330200", new HashSet<string> { PlatformRoles.Applicant });

    /// <summary>宁波市市场监督管理局: provides the legal-person register; not listed for marital status.</summary>
    internal static readonly Caller MarketRegulation = new("wang.fang", "1133020019999999XG", "330200", new HashSet<string> { PlatformRoles.Applicant });

    /// <summary>宁波市海曙区市场监督管理局: a district agency (330203).</summary>
    internal static readonly Caller HaishuMarketRegulation = new("chen.jie", "11330203041975306M", "330203", new HashSet<string> { PlatformRoles.Applicant });

    /// <summary>宁波市大数据发展管理局: keeps the licence library and runs the platform.</summary>
    internal static readonly Caller BigDataBureau = new("zhou.qing", "1133020035308641XG", "330200", new HashSet<string>());

    private EmbeddedSubgraphs? subgraphs;
    private WebApplication? gateway;
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(60) };

    internal TestTokens Tokens { get; } = new();

    public Uri Url { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        subgraphs = await EmbeddedSubgraphs.StartAsync(Persons, LogLevel.Warning, TestContext.Current.CancellationToken);
        (gateway, Url) = await EmbeddedGateway.StartAsync(subgraphs, Tokens);
    }

    /// <summary>Posts a GraphQL request as <paramref name="caller"/> for <paramref name="purpose"/>.</summary>
    internal Task<Answer> PostAsync(string query, Caller caller, string? purpose, JsonObject? variables = null) =>
        SendAsync(new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() }.ToJsonString(), Tokens.For(caller), purpose);

    /// <summary>Posts <paramref name="body"/> as it is, with <paramref name="token"/> as the bearer token.</summary>
    public async Task<Answer> SendAsync(string body, string token, string? purpose) =>
        await SendAsync(Encoding.UTF8.GetBytes(body), token, purpose);

    public async Task<Answer> SendAsync(byte[] body, string token, string? purpose)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (purpose is not null)
        {
            request.Headers.Add("Federation-Purpose", purpose);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer((int)response.StatusCode, text, JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}"));
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (gateway is not null)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        if (subgraphs is not null)
        {
            await subgraphs.DisposeAsync();
        }
    }

    /// <summary>An answer: its status, its text as sent, its body parsed.</summary>
    public sealed record Answer(int Status, string Text, JsonObject Body)
    {
        public IReadOnlyList<string?> Codes => [.. (Body["errors"]?.AsArray() ?? []).Select(e => (string?)e!["extensions"]?["code"])];

        public JsonNode? Data => Body["data"];
    }
}
