using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Federation.Host;
using Federation.Subgraphs.DemoData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Equivalence;

/// <summary>
/// The four agency subgraphs (in-memory stores, one demo world), our gateway and Apollo Gateway over
/// them, started once for the equivalence tests.
/// </summary>
public sealed class EquivalencePlatform : IAsyncLifetime
{
    public const int Persons = 2_000;

    private EmbeddedSubgraphs? subgraphs;
    private WebApplication? gateway;
    private ApolloGatewayPeer? apollo;
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly TestTokens tokens = new();

    public DemoWorld World { get; } = new(Persons);

    public Uri Ours { get; private set; } = null!;

    public Uri Apollo => apollo!.Url;

    public async ValueTask InitializeAsync()
    {
        subgraphs = await EmbeddedSubgraphs.StartAsync(Persons, LogLevel.Warning, TestContext.Current.CancellationToken);

        // Apollo Gateway knows no catalogue: the two answer alike only where authorization lets
        // everything through. No one caller may read every field (the conditional resources have
        // different providers and listed agencies), so ours runs the whole authorization stage in
        // dry-run mode — decided and logged, served as sent. The filter is the matrix's to test.
        (gateway, Ours) = await EmbeddedGateway.StartAsync(subgraphs, tokens, configuration => configuration["Authorization:Mode"] = "DryRun");
        var supergraphFile = Path.Combine(Repository.SchemaDirectory, "supergraph.graphql");
        apollo = await ApolloGatewayPeer.StartAsync(supergraphFile, subgraphs.Secret, subgraphs.Urls);
    }

    /// <summary>Posts a GraphQL request; answers the response body parsed.</summary>
    public async Task<JsonObject> PostAsync(Uri url, string query, JsonObject? variables)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables.DeepClone();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (apollo is not null)
        {
            await apollo.DisposeAsync();
        }

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
}
