using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Sharing.Storage;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Federation.Gateway.Tests.Planning;
using Federation.Gateway.Tests.Sharing;
using Federation.GraphQL.AspNetCore;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    private readonly ServiceProvider services;
    private readonly WebApplication app;
    private readonly HttpClient http;
    private readonly TestTokens tokens;

    private PlatformHarness(FakeSubgraphs subgraphs, ServiceProvider services, WebApplication app, HttpClient http, TestTokens tokens, GatewayExecutor executor, ManualClock clock)
    {
        this.tokens = tokens;
        Subgraphs = subgraphs;
        this.services = services;
        this.app = app;
        this.http = http;
        Executor = executor;
        Clock = clock;
    }

    public FakeSubgraphs Subgraphs { get; }

    public GatewayExecutor Executor { get; }

    public ManualClock Clock { get; }

    public static async Task<PlatformHarness> StartAsync()
    {
        var subgraphs = await FakeSubgraphs.StartAsync();
        var collection = new ServiceCollection();
        collection.AddSingleton(new GatewaySignature(FakeSubgraphs.Secret));
        collection.Configure<SubgraphOptions>(options =>
        {
            foreach (var (name, url) in subgraphs.Urls)
            {
                options.Endpoints[name] = new SubgraphEndpointOptions { Url = url };
            }
        });
        collection.AddSubgraphHttpClient();
        var services = collection.BuildServiceProvider();
        var clock = new ManualClock(SharingWorld.Start);
        var executor = GatewayExecutor.Create(
            PlanHarness.Model,
            services.GetRequiredService<IOptions<SubgraphOptions>>().Value,
            services.GetRequiredService<IHttpClientFactory>(),
            sharing: SharingWorld.Workflow(new InMemoryShareStore(), clock));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var tokens = new TestTokens();
        tokens.Configure(builder.Configuration);
        builder.Configuration[$"{GatewayAuthenticationOptions.Section}:AllowAnonymousCatalogue"] = "true";
        builder.Services.AddGatewayAuthentication(builder.Configuration);
        var app = builder.Build();
        app.MapGraphQL("/graphql", () => executor.Schema, options =>
        {
            options.Executor = new GatewayOperationExecutor(() => executor);
            options.CreateContext = request => GatewayAuthentication.ContextFor(request, exposePlan: false);
        }).RequireCaller();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        return new PlatformHarness(subgraphs, services, app, http, tokens, executor, clock);
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
        await services.DisposeAsync();
        await Subgraphs.DisposeAsync();
    }
}
