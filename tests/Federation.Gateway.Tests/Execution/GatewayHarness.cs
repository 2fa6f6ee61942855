using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Auditing;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Validation;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Tests.Execution;

/// <summary>
/// A gateway over <see cref="FakeSubgraphs"/>: the committed supergraph's plan, the subgraph
/// clients registered as the gateway registers them (named clients, signing handler), and one
/// call to run an operation.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public static readonly GatewayCaller Caller = new("ningbo-market-supervision", "LICENCE_VERIFICATION");

    private readonly ServiceProvider services;

    private GatewayHarness(FakeSubgraphs subgraphs, ServiceProvider services, GatewayPipeline executor, QueryPlanCache plans)
    {
        Subgraphs = subgraphs;
        this.services = services;
        Executor = executor;
        Plans = plans;
    }

    public FakeSubgraphs Subgraphs { get; }

    public GatewayPipeline Executor { get; }

    public QueryPlanCache Plans { get; }

    public static async Task<GatewayHarness> StartAsync(
        IReadOnlyDictionary<string, SubgraphBehaviour>? behaviours = null,
        IReadOnlyDictionary<string, TimeSpan>? timeouts = null,
        IReadOnlyDictionary<string, Func<Task>>? arrivals = null,
        ShareWorkflow? sharing = null,
        IEnumerable<IRequestStage>? stages = null,
        AuditReading? auditing = null)
    {
        var subgraphs = await FakeSubgraphs.StartAsync(behaviours, arrivals);
        var collection = new ServiceCollection();
        collection.AddSingleton(new GatewaySignature(FakeSubgraphs.Secret));
        collection.Configure<SubgraphOptions>(options =>
        {
            options.Timeout = TimeSpan.FromSeconds(30);
            foreach (var (name, url) in subgraphs.Urls)
            {
                options.Endpoints[name] = new SubgraphEndpointOptions { Url = url, Timeout = timeouts is not null && timeouts.TryGetValue(name, out var timeout) ? timeout : null };
            }
        });
        collection.AddSubgraphHttpClient();
        var services = collection.BuildServiceProvider();
        var executor = GatewayPipeline.Create(
            PlanHarness.Model,
            services.GetRequiredService<IOptions<SubgraphOptions>>().Value,
            services.GetRequiredService<IHttpClientFactory>(),
            sharing: sharing,
            registered: stages,
            auditing: auditing);
        return new GatewayHarness(subgraphs, services, executor, executor.Plans);
    }

    public async Task<GatewayResult> RunAsync(
        [StringSyntax("graphql")] string operation,
        [StringSyntax("json")] string? variables = null,
        bool exposePlan = false)
    {
        var document = Parser.Parse(operation);
        var errors = DocumentValidator.Validate(PlanHarness.Supergraph.Api, document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var values = variables is null ? null : (IReadOnlyDictionary<string, object?>?)PlainValues.FromJson(variables);
        return await Executor.ExecuteAsync(
            new GatewayRequest(document, QueryPlanCache.Hash(operation), null, values, Caller, exposePlan),
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Subgraphs.DisposeAsync();
    }
}
