using System.Buffers;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.GraphQL.AspNetCore.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>
/// Where the GraphQL endpoint hands an admitted operation to the gateway: the executor of the
/// supergraph being served (a new one, with an empty plan cache, when the supergraph is swapped),
/// the caller, and whether the operator asked to see the plan.
/// </summary>
internal sealed class GatewayEndpoint(
    SupergraphSource source,
    IOptions<SubgraphOptions> subgraphs,
    IOptions<GatewayOptions> gateway,
    IHttpClientFactory http,
    QueryPlanInspection inspection) : IOperationExecutor
{
    private Served? served;

    public async ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var executor = ExecutorFor(source.Current);
        var context = request.Context as HttpContext;
        var result = await executor.ExecuteAsync(
            new GatewayRequest(
                request.Document,
                request.DocumentText,
                request.Operation.Name?.Value,
                request.Variables,
                CallerContext.Of(context, request.Extensions),
                context is not null && inspection.IsRequested(context.Request)),
            cancellationToken).ConfigureAwait(false);
        return new Answer(result);
    }

    private GatewayExecutor ExecutorFor(Supergraph supergraph)
    {
        var current = Volatile.Read(ref served);
        if (current is not null && ReferenceEquals(current.Supergraph, supergraph))
        {
            return current.Executor;
        }

        var executor = GatewayExecutor.Create(supergraph, subgraphs.Value, http, gateway.Value.PlanCacheSize);
        Volatile.Write(ref served, new Served(supergraph, executor));
        return executor;
    }

    private sealed record Served(Supergraph Supergraph, GatewayExecutor Executor);

    private sealed class Answer(GatewayResult result) : IOperationResult
    {
        public bool HasData => result.HasData;

        public void WriteTo(IBufferWriter<byte> output) => result.WriteTo(output);
    }
}
