using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Record;
using Federation.Gateway.Requests;
using Federation.Gateway.Tests.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Pipeline;

/// <summary>The served gateway's pipeline: a stage added with one registration, the record stage's timings, the served set a request keeps.</summary>
public sealed class ServedPipelineTests
{
    private const string Secret = "pipeline-tests-signing-secret-of-32-bytes-or-more";

    /// <summary>The platform's own field: answered without any subgraph, which these tests never reach.</summary>
    private const string CatalogueQuery = "{ catalogue { id } }";

    private readonly TestTokens tokens = new();

    [Fact]
    public async Task One_registration_puts_a_stage_into_every_request_of_the_served_gateway()
    {
        await using var app = await StartAsync(services => services.AddRequestStage<CountingStage>());
        var counting = app.Services.GetServices<IRequestStage>().OfType<CountingStage>().Single();

        using var response = await PostAsync(app, CatalogueQuery, exposePlan: false);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotEmpty((await ReadAsync(response))["data"]!["catalogue"]!.AsArray());
        Assert.Equal(1, counting.Requests);
        Assert.Equal(TestTokens.PublicSecurity.Agency, counting.LastAgency);
    }

    [Fact]
    public async Task The_record_stage_gives_an_operator_who_asks_for_the_plan_the_time_of_each_step_and_no_one_else()
    {
        await using var app = await StartAsync();

        using var asked = await PostAsync(app, CatalogueQuery, exposePlan: true);
        using var notAsked = await PostAsync(app, CatalogueQuery, exposePlan: false);

        var timing = string.Join(", ", asked.Headers.GetValues(RecordStage.ServerTimingHeader));
        Assert.Matches(@"^admit;dur=[0-9.]+, authorize;dur=[0-9.]+, plan;dur=[0-9.]+, fetch;dur=[0-9.]+, shape;dur=[0-9.]+$", timing);
        Assert.False(notAsked.Headers.Contains(RecordStage.ServerTimingHeader));
    }

    [Fact]
    public async Task A_request_finishes_on_the_served_set_it_was_validated_against_and_a_reload_brings_its_own_catalogue()
    {
        await using var app = await StartAsync();
        var served = app.Services.GetRequiredService<ServedExecutor>();
        var source = app.Services.GetRequiredService<SupergraphSource>();
        var first = served.Current();
        var catalogue = CatalogueFiles.FromFile(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName));

        source.Replace(CatalogueFiles.Serve(File.ReadAllText(Path.Combine(Repository.SchemaDirectory, Supergraph.FileName)), catalogue));
        var next = served.Current();

        Assert.NotSame(first, next);
        Assert.Same(first, served.For(first.Schema));
        Assert.Same(next, served.For(next.Schema));
        Assert.Same(catalogue, next.Authorization!.Catalogue);
        Assert.NotSame(catalogue, first.Authorization!.Catalogue);
    }

    private async Task<WebApplication> StartAsync(Action<IServiceCollection>? services = null)
    {
        string[] args =
        [
            "--Urls=http://127.0.0.1:0",
            "--GatewaySignature:Secret=" + Secret,
            "--Gateway:ExposeQueryPlans=true",
            "--Gateway:SupergraphFile=" + Path.Combine(Repository.SchemaDirectory, Supergraph.FileName),
            "--Gateway:CatalogueFile=" + Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName),
            .. Repository.SubgraphConfig.Subgraphs.Select(s => $"--Subgraphs:Endpoints:{s.Name}:Url=http://127.0.0.1:9/graphql"),
            .. tokens.Arguments(),
        ];
        var app = GatewayService.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            TestAuditTrail.Configure(builder.Configuration);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private async Task<HttpResponseMessage> PostAsync(WebApplication app, string query, bool exposePlan)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(TestTokens.PublicSecurity));
        if (exposePlan)
        {
            request.Headers.Add(QueryPlanInspection.Header, "true");
        }

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

    /// <summary>A stage of its own, registered with the gateway's services: counts the requests and notes who asked.</summary>
    private sealed class CountingStage : IRequestStage
    {
        private int requests;

        public int Requests => Volatile.Read(ref requests);

        public string? LastAgency { get; private set; }

        public RequestStep Step => RequestStep.Record;

        public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
        {
            LastAgency = request.Identity?.Agency;
            Interlocked.Increment(ref requests);
            return ValueTask.CompletedTask;
        }
    }
}
