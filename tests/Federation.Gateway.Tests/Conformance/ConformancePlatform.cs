using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Federation.Gateway.Tests.Conformance;

/// <summary>
/// The suites' subgraphs (<c>serve.mjs</c>, every suite in one Node process) and Apollo Gateway
/// 2.14.4 over them (<c>apollo.mjs</c>, every suite in one more), started once for the conformance tests.
/// </summary>
public sealed class ConformancePlatform : IAsyncLifetime
{
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private NodeService? subgraphs;
    private NodeService? apollo;

    internal IReadOnlyList<ConformanceSuite> Suites { get; } = ConformanceSuite.All();

    public async ValueTask InitializeAsync()
    {
        subgraphs = await NodeService.StartAsync("serve.mjs", "--port", "0");
        apollo = await NodeService.StartAsync("apollo.mjs", "--subgraphs", subgraphs.Url.ToString(), "--port", "0");
    }

    /// <summary>Each subgraph's URL of <paramref name="suite"/>.</summary>
    internal IReadOnlyDictionary<string, string> SubgraphUrls(ConformanceSuite suite) =>
        subgraphs!.Started["suites"]![suite.Name]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    /// <summary>Gives <paramref name="suite"/> its data afresh, so a mutation answers alike each time it runs.</summary>
    internal async Task ResetAsync(string suite)
    {
        using var response = await client.PostAsync(new Uri(subgraphs!.Url, "__reset/" + suite), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Apollo Gateway's answer to <paramref name="query"/>.</summary>
    internal async Task<JsonObject> ApolloAsync(ConformanceQuery query)
    {
        var body = new JsonObject { ["query"] = query.Text };
        if (query.Variables is not null)
        {
            body["variables"] = query.Variables.DeepClone();
        }

        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await client.PostAsync(new Uri(apollo!.Url, query.Suite + "/graphql"), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Apollo answered {(int)response.StatusCode}: {text}\n{apollo.Errors}");
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (apollo is not null)
        {
            await apollo.DisposeAsync();
        }

        if (subgraphs is not null)
        {
            await subgraphs.DisposeAsync();
        }
    }
}
