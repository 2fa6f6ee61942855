using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Requests;
using Federation.Gateway.Tests.Execution;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.AspNetCore.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// The gateway's endpoint as <c>MapGateway</c> wires it — token validation, the gate, the context made
/// from the admitted caller, the gateway's executor — over <see cref="FakeSubgraphs"/>, on loopback.
/// It records each context the executor was handed and the subgraphs record each request.
/// </summary>
internal sealed class AuthenticatedEndpoint : IAsyncDisposable
{
    [System.Diagnostics.CodeAnalysis.StringSyntax("graphql")]
    public const string Query = $$"""{ person(idNumber: "{{FakeSubgraphs.LiHua}}") { name licences { totalCount } } }""";

    private readonly WebApplication app;
    private readonly GatewayHarness gateway;
    private readonly HttpClient http;

    private AuthenticatedEndpoint(WebApplication app, GatewayHarness gateway, HttpClient http, ConcurrentQueue<GatewayRequest> contexts, CurrentCatalogue catalogue)
    {
        this.app = app;
        this.gateway = gateway;
        this.http = http;
        Contexts = contexts;
        Catalogue = catalogue;
    }

    /// <summary>The catalogue whose agencies registry the gate admits callers by; a test may replace it while the endpoint runs.</summary>
    public CurrentCatalogue Catalogue { get; }

    public FakeSubgraphs Subgraphs => gateway.Subgraphs;

    /// <summary>The context of each request that reached the executor.</summary>
    public ConcurrentQueue<GatewayRequest> Contexts { get; }

    /// <summary>How many requests reached any subgraph.</summary>
    public int SubgraphRequests => Subgraphs.Requests.Values.Sum(q => q.Count);

    public static async Task<AuthenticatedEndpoint> StartAsync(Action<ConfigurationManager> configure, Action<IServiceCollection>? services = null)
    {
        var gateway = await GatewayHarness.StartAsync();
        var contexts = new ConcurrentQueue<GatewayRequest>();
        var executor = new Recording(new GatewayOperationExecutor(() => gateway.Executor), contexts);
        var catalogue = new CurrentCatalogue(GatedEndpoint.CommittedCatalogue);
        var (app, http) = await GatedEndpoint.StartAsync(configure, () => PlanHarness.Model.ApiSchema, executor, services, catalogue);
        return new AuthenticatedEndpoint(app, gateway, http, contexts, catalogue);
    }

    /// <summary>Posts <see cref="Query"/> (or <paramref name="query"/>) with the Authorization header given verbatim.</summary>
    public async Task<Answer> PostAsync(string? authorization, string? query = null, JsonObject? extensions = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new JsonObject { ["query"] = query ?? Query };
        if (extensions is not null)
        {
            body["extensions"] = extensions;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendAsync(request);
    }

    public async Task<Answer> GetAsync(string pathAndQuery, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        await gateway.DisposeAsync();
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Answer((int)response.StatusCode, response.Headers.WwwAuthenticate.ToString(), text);
    }

    /// <summary>A response: status, the <c>WWW-Authenticate</c> challenge, the body.</summary>
    public sealed record Answer(int Status, string Challenge, string Body)
    {
        public JsonObject Json => JsonNode.Parse(Body) as JsonObject ?? throw new InvalidOperationException(Body);

        /// <summary>The one error's <c>extensions.code</c>; fails unless there is exactly one error.</summary>
        public string Code => (string)Assert.Single(Json["errors"]!.AsArray())!["extensions"]!["code"]!;

        public string Message => (string)Json["errors"]![0]!["message"]!;
    }

    private sealed class Recording(IOperationExecutor inner, ConcurrentQueue<GatewayRequest> contexts) : IOperationExecutor
    {
        public ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            contexts.Enqueue((GatewayRequest)request.Context!);
            return inner.ExecuteAsync(request, cancellationToken);
        }
    }
}
