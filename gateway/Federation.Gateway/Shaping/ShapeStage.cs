using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.GraphQL.Execution;

namespace Federation.Gateway.Shaping;

/// <summary>
/// Shape: the engine's executor runs the client's operation over the merged tree — exactly the
/// requested fields, in the query's order, under their aliases, with <c>__typename</c>,
/// introspection and the spec's null propagation for the fields whose subgraph failed — with the
/// operation and variables admission prepared, so nothing is looked up or coerced again. The
/// platform's root fields are resolved here by their own resolvers; the fields authorization
/// removed or scoped are answered by their rules (<see cref="GatewayRequest.FieldAccess"/>).
/// </summary>
internal sealed class ShapeStage : IRequestStage
{
    public static readonly ShapeStage Instance = new();

    /// <summary>Reads a field from the merged tree by its response name (aliases were sent to the subgraphs as they are).</summary>
    private static readonly FieldResolver MergedField = context => new ValueTask<object?>(
        context.Source is Dictionary<string, object?> merged && merged.TryGetValue(context.ResponseName, out var value) ? value : null);

    private ShapeStage()
    {
    }

    public RequestStep Step => RequestStep.Shape;

    public async ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var fetched = request.Get<PlanExecution>();
        var result = await Executor.ExecuteAsync(
            new ExecutionRequest
            {
                Schema = request.Schema!,
                Document = request.Document,
                Prepared = request.Prepared,
                RootValue = fetched?.Data,
                FieldResolver = request.FieldAccess is { } access ? access.Shaping(MergedField) : MergedField,
                Context = request,
            },
            cancellationToken).ConfigureAwait(false);
        var plan = request.ExposePlan ? request.Get<QueryPlan>() : null;
        request.Answered(new GatewayResult(result, fetched is null ? [] : fetched.Errors, plan is null ? null : QueryPlanPrinter.Print(plan))
        {
            // The operator who asked for the plan also sees which entities the cache served.
            CachedEntities = request.ExposePlan ? fetched?.Cache?.Served : null,
        });
    }
}
