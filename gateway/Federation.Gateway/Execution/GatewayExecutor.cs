using Federation.Gateway.Authorization;
using Federation.Gateway.Composition;
using Federation.Gateway.Planning;
using Federation.Gateway.Platform;
using Federation.Gateway.Sharing;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Execution;

/// <summary>
/// Answers one operation over the supergraph: the plan from the cache (or the planner), the
/// fetches run and merged (<see cref="PlanExecution"/>), then the engine's executor runs the
/// client's operation over the merged tree — which gives exactly the requested fields, in the
/// query's order, under their aliases, with <c>__typename</c>, introspection and the spec's
/// null propagation for the fields whose subgraph failed. The platform's own root fields
/// (<see cref="PlatformGraph"/>) are kept from the planner and resolved in that last step. With an
/// <see cref="OperationAuthorizer"/>, share authorization runs before planning: denied fields never
/// reach the plan, and shaping answers them with null and their error (<see cref="AuthorizedOperation"/>).
/// </summary>
internal sealed class GatewayExecutor(
    QueryPlanner planner,
    QueryPlanCache plans,
    SubgraphClients clients,
    PlatformGraph? platform = null,
    OperationAuthorizer? authorization = null)
{
    /// <summary>Reads a field from the merged tree by its response name (aliases were sent to the subgraphs as they are).</summary>
    private static readonly FieldResolver MergedField = context => new ValueTask<object?>(
        context.Source is Dictionary<string, object?> merged && merged.TryGetValue(context.ResponseName, out var value) ? value : null);

    /// <summary>The plans this executor has made, for this supergraph only: a reloaded supergraph gets a new executor.</summary>
    public QueryPlanCache Plans => plans;

    /// <summary>The schema served: the API schema, with the platform's part when there is one.</summary>
    public Schema Schema => platform?.Schema ?? planner.Schema.Api;

    /// <summary>The platform's part of the graph served with the supergraph; null when the platform is not served.</summary>
    public PlatformGraph? Platform => platform;

    /// <summary>The authorization stage of this supergraph; null when the executor serves every field as asked.</summary>
    public OperationAuthorizer? Authorization => authorization;

    /// <summary>
    /// An executor for <paramref name="supergraph"/> whose subgraph requests go through the signed client of
    /// <paramref name="http"/> (<see cref="SubgraphHttpClients.AddSubgraphHttpClient"/>), serving the platform's
    /// part of the graph over <paramref name="sharing"/> when given, and authorizing each request with
    /// <paramref name="authorization"/> when given.
    /// </summary>
    public static GatewayExecutor Create(
        Supergraph supergraph,
        SubgraphOptions options,
        IHttpClientFactory http,
        int planCacheCapacity = 1000,
        ShareWorkflow? sharing = null,
        ShareAuthorization? authorization = null)
    {
        var schema = SupergraphPlanning.From(supergraph);
        var platform = sharing is null ? null : PlatformGraph.Serve(supergraph.ApiSchema, sharing);
        return new GatewayExecutor(
            new QueryPlanner(schema),
            new QueryPlanCache(planCacheCapacity),
            SubgraphHttpClients.Create(schema, options, http, supergraph.Catalogue),
            platform,
            authorization?.For(schema.Api));
    }

    /// <summary>
    /// The same executor — planner, plan cache, subgraph clients, platform — without the
    /// authorization stage: for benchmarks that measure what authorization costs on the same
    /// requests. Never served.
    /// </summary>
    internal GatewayExecutor WithoutAuthorization() => new(planner, plans, clients, platform);

    public async Task<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var schema = Schema;
        if (await VariableErrorsAsync(request, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return new GatewayResult(refused, [], null);
        }

        var authorized = authorization is null
            ? AuthorizedOperation.AsSent
            : await authorization.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
        if (authorized.Refusal is { } refusal)
        {
            return refusal;
        }

        // The platform's root fields are the gateway's own: the planner sees the rest of the document.
        var split = platform?.Split(request.Document, request.OperationName) ?? new PlatformSplit(request.Document, null);
        if (split.Error is { } mixed)
        {
            return GatewayResult.Failed(mixed);
        }

        QueryPlan? plan = null;
        try
        {
            if (split.SubgraphDocument is { } planned)
            {
                // The split depends only on the document and this executor's schema, the filter on the
                // document and each resource's outcome: the plan key says both (AuthorizedOperation.PlanKey).
                plan = plans.GetOrAdd(
                    authorized.PlanKey ?? request.DocumentHash,
                    request.OperationName,
                    () => planner.Plan(authorized.DocumentToPlan(planned, request.OperationName), request.OperationName));
            }
        }
        catch (QueryPlanningException exception)
        {
            return GatewayResult.Failed(PlanningErrorCodes.PlanningFailed(exception));
        }

        // The row-scoped resources the caller may read: each subgraph client sends its agency's only.
        var run = new PlanExecution(clients, request.Variables, request.Caller with { RowResources = authorized.RowResources });
        if (plan?.Root is { } root)
        {
            await run.RunAsync(root, cancellationToken).ConfigureAwait(false);
        }

        var result = await Executor.ExecuteAsync(
            new ExecutionRequest
            {
                Schema = schema,
                Document = request.Document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                RootValue = run.Data,
                FieldResolver = authorized.Shaping(MergedField),
                Context = request,
            },
            cancellationToken).ConfigureAwait(false);
        return new GatewayResult(result, run.Errors, request.ExposePlan && plan is not null ? QueryPlanPrinter.Print(plan) : null);
    }

    /// <summary>
    /// Variables that do not coerce make a request error before any subgraph is asked: the
    /// engine coerces them for an operation with the same variables that selects only
    /// <c>__typename</c>.
    /// </summary>
    private async ValueTask<ExecutionResult?> VariableErrorsAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var operation = OperationSelection.Get(request.Document, request.OperationName, out _, out _);
        if (operation is null || operation.VariableDefinitions.Count == 0)
        {
            return null;
        }

        var probe = operation with
        {
            Directives = [],
            SelectionSet = new SelectionSetNode([new FieldNode(null, new NameNode("__typename"), [], [], null)]),
        };
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest { Schema = Schema, Document = new DocumentNode([probe]), Variables = request.Variables },
            cancellationToken).ConfigureAwait(false);
        return result.HasData ? null : new ExecutionResult(ExecutionErrorCodes.VariablesRefused(result.Errors));
    }
}
