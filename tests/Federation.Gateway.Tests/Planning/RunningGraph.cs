using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.Gateway.Tests.Execution;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// The subgraphs of a <see cref="FederatedGraph"/> served by the hosting library on Kestrel
/// (127.0.0.1, free ports, gateway signature required), each bound to the test's in-memory data,
/// and the gateway's pipeline over them. Records the operations each subgraph is sent.
/// </summary>
internal sealed class RunningGraph : IAsyncDisposable
{
    private const string Secret = "federated-graph-test-secret-of-enough-bytes";

    private readonly List<WebApplication> apps = [];
    private ServiceProvider? services;
    private GatewayPipeline? pipeline;

    private RunningGraph(FederatedGraph graph)
    {
        Graph = graph;
    }

    public FederatedGraph Graph { get; }

    /// <summary>The request bodies each subgraph got.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Requests { get; } = new(StringComparer.Ordinal);

    public static async Task<RunningGraph> StartAsync(FederatedGraph graph, IReadOnlyDictionary<string, Func<Subgraph, Subgraph>> bindings)
    {
        var running = new RunningGraph(graph);
        var urls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var sdl in graph.Subgraphs)
        {
            var subgraph = bindings.TryGetValue(sdl.Name, out var bind) ? bind(Subgraph.FromSdl(sdl.Sdl)) : Subgraph.FromSdl(sdl.Sdl);
            var requests = running.Requests[sdl.Name] = new();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddSubgraphDefaults(options => options.Secret = Secret);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
                requests.Enqueue(await reader.ReadToEndAsync());
                context.Request.Body.Position = 0;
                await next(context);
            });
            app.MapSubgraph("/graphql", subgraph);
            await app.StartAsync();
            running.apps.Add(app);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            urls[sdl.Name] = new Uri(address + "/graphql");
        }

        var collection = new ServiceCollection();
        collection.AddSingleton(new GatewaySignature(Secret));
        collection.Configure<SubgraphOptions>(options =>
        {
            options.Timeout = TimeSpan.FromSeconds(30);
            foreach (var (name, url) in urls)
            {
                options.Endpoints[name] = new SubgraphEndpointOptions { Url = url };
            }
        });
        collection.AddSubgraphHttpClient();
        running.services = collection.BuildServiceProvider();
        running.pipeline = GatewayPipeline.Create(
            graph.Model,
            running.services.GetRequiredService<IOptions<SubgraphOptions>>().Value,
            running.services.GetRequiredService<IHttpClientFactory>());
        return running;
    }

    /// <summary>Runs the operation through the gateway and returns the response as JSON.</summary>
    public async Task<string> RunAsync([StringSyntax("graphql")] string operation, [StringSyntax("json")] string? variables = null)
    {
        var document = Parser.Parse(operation);
        var errors = DocumentValidator.Validate(Graph.Planning.Api, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var values = variables is null ? null : (IReadOnlyDictionary<string, object?>?)PlainValues.FromJson(variables);
        var result = await pipeline!.ExecuteAsync(
            new GatewayRequest(document, QueryPlanCache.Hash(operation), null, values, GatewayHarness.Caller, exposePlan: false),
            TestContext.Current.CancellationToken);
        return result.ToJson();
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        foreach (var app in apps)
        {
            try
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await app.StopAsync(stopping.Token);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
    }
}
