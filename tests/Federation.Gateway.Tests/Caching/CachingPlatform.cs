using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Audit;
using Federation.Gateway.Tests.Authentication;
using Federation.Protocol.Signing;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The population subgraph (in-memory register of <see cref="Persons"/> demo persons, its requests
/// counted, its change events published on <c>federation:changes</c> of a given Redis) and gateway
/// services in front of it caching in a given Redis — several gateways share one Redis as instances
/// of one deployment do. Callers read as the city's big-data bureau (no role, not the provider).
/// </summary>
internal sealed class CachingPlatform : IAsyncDisposable
{
    public const int Persons = 60;
    private const string Secret = "caching-platform-test-secret-of-enough-bytes";

    /// <summary>宁波市大数据发展管理局, reading for verification: the base items are unconditional, so any agency may.</summary>
    public static readonly Caller Reader = new("zhao.lei", "1133020035308641XG", "330200", new HashSet<string>());

    private readonly WebApplication subgraph;
    private readonly List<WebApplication> gateways = [];
    private readonly TestTokens tokens = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int subgraphRequests;

    private CachingPlatform(WebApplication subgraph, string subgraphUrl)
    {
        this.subgraph = subgraph;
        SubgraphUrl = subgraphUrl;
    }

    public static DemoWorld World { get; } = new(Persons);

    public string SubgraphUrl { get; }

    /// <summary>Requests the population subgraph has answered so far.</summary>
    public int SubgraphRequests => Volatile.Read(ref subgraphRequests);

    /// <summary>Starts the subgraph; its corrections publish on <paramref name="changeEvents"/> (a Redis configuration), or in process when null.</summary>
    public static async Task<CachingPlatform> StartAsync(string? changeEvents)
    {
        CachingPlatform? platform = null;
        var app = PopulationService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["Store"] = "InMemory";
            builder.Configuration["Seed:Persons"] = Persons.ToString(CultureInfo.InvariantCulture);
            builder.Configuration["GatewaySignature:Secret"] = Secret;
            if (changeEvents is not null)
            {
                builder.Configuration["ChangeEvents:Redis"] = changeEvents;
            }

            builder.Services.AddSingleton<IStartupFilter>(new Counting(() => Interlocked.Increment(ref platform!.subgraphRequests)));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        platform = new CachingPlatform(app, Address(app) + "/graphql");
        return platform;
    }

    /// <summary>Starts a gateway service caching in <paramref name="redis"/> (null: caching off); answers its GraphQL URL.</summary>
    public async Task<string> GatewayAsync(string? redis, params string[] settings)
    {
        var app = GatewayService.Build(
            [
                "--Urls=http://127.0.0.1:0",
                $"--GatewaySignature:Secret={Secret}",
                $"--Gateway:SupergraphFile={Repository.SupergraphFile}",
                $"--Subgraphs:Endpoints:population:Url={SubgraphUrl}",
                .. redis is null ? ["--Cache:Enabled=false"] : new[] { $"--Cache:Redis={redis}" },
                .. settings,
                .. TestAuditTrail.Arguments(),
                .. tokens.Arguments(),
            ],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Critical));
        gateways.Add(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return Address(app) + "/graphql";
    }

    /// <summary>Posts <paramref name="query"/> as <see cref="Reader"/>; the status and the body.</summary>
    public async Task<(int Status, JsonNode? Body)> PostAsync(string url, string query, JsonObject variables, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(Reader));
        request.Headers.Add("Federation-Purpose", "DATA_VERIFICATION");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Asks the subgraph itself, signed as the gateway would for <see cref="Reader"/>: the subgraph's data.</summary>
    public async Task<GraphQLResponse> AskSubgraphAsync(string query, object variables)
    {
        using var client = new HttpClient(new GatewaySigningHandler(new GatewaySignature(Secret)) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = new Uri(SubgraphUrl),
        };
        return await new SignedGraphQLClient(client, SubgraphUrl).PostAsync(
            query, variables, new GatewayCaller(Reader.Agency, "DATA_VERIFICATION", null, Reader.Division), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        foreach (var gateway in gateways)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        await subgraph.StopAsync();
        await subgraph.DisposeAsync();
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <summary>Counts the subgraph's requests before anything else sees them.</summary>
    private sealed class Counting(Action counted) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Path.StartsWithSegments("/graphql"))
                {
                    counted();
                }

                return following(context);
            });
            next(app);
        };
    }
}
