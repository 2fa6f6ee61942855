using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Sharing.Storage;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Federation.Gateway.Tests.Sharing;
using Microsoft.AspNetCore.Builder;

namespace Federation.Gateway.Tests.Platform;

/// <summary>
/// The gateway's endpoint serving the committed supergraph (over <see cref="FakeSubgraphs"/>) with
/// the platform's part on an in-memory store and <see cref="SharingWorld"/>'s catalogue, behind the
/// gateway's token gate (anonymous catalogue reading allowed). Each request signs in as one of
/// <see cref="Callers"/> with a bearer token of the test's own key, or sends no token.
/// </summary>
internal sealed class PlatformHarness : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, Caller> Callers = new Dictionary<string, Caller>(StringComparer.Ordinal)
    {
        ["applicant"] = SharingWorld.Applicant(),
        ["approver"] = SharingWorld.Approver(),
        ["competent"] = SharingWorld.CompetentDepartment(),
        ["taxation"] = SharingWorld.Applicant(SharingWorld.Taxation),
    };

    private readonly GatewayHarness gateway;
    private readonly WebApplication app;
    private readonly HttpClient http;
    private readonly TestTokens tokens;

    private PlatformHarness(GatewayHarness gateway, WebApplication app, HttpClient http, TestTokens tokens, ManualClock clock)
    {
        this.gateway = gateway;
        this.app = app;
        this.http = http;
        this.tokens = tokens;
        Clock = clock;
    }

    public FakeSubgraphs Subgraphs => gateway.Subgraphs;

    public GatewayPipeline Executor => gateway.Executor;

    public ManualClock Clock { get; }

    public static async Task<PlatformHarness> StartAsync()
    {
        var clock = new ManualClock(SharingWorld.Start);
        var gateway = await GatewayHarness.StartAsync(sharing: SharingWorld.Workflow(new InMemoryShareStore(), clock));
        var executor = gateway.Executor;
        var tokens = new TestTokens();
        var (app, http) = await GatedEndpoint.StartAsync(
            configuration =>
            {
                tokens.Configure(configuration);
                configuration[$"{GatewayAuthenticationOptions.Section}:AllowAnonymousCatalogue"] = "true";
            },
            () => executor.Schema,
            new GatewayOperationExecutor(() => executor),
            catalogue: new CurrentCatalogue(SharingWorld.Catalogue));
        return new PlatformHarness(gateway, app, http, tokens, clock);
    }

    /// <summary>Posts an operation as <paramref name="caller"/> (a key of <see cref="Callers"/>; null for no caller) and reads the JSON body.</summary>
    public async Task<JsonNode> PostAsync([StringSyntax("graphql")] string query, string? caller, JsonObject? variables = null, string? operationName = null)
    {
        var body = new JsonObject { ["query"] = query, ["operationName"] = operationName };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(Callers[caller]));
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await gateway.DisposeAsync();
    }
}
