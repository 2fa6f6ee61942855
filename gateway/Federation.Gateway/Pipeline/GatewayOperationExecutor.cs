using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Pipeline;

/// <summary>
/// The gateway behind the GraphQL endpoint's executor seam: <c>options.Executor = new
/// GatewayOperationExecutor(served.For)</c> with <c>options.CreateContext</c> returning the request's
/// <see cref="GatewayRequest"/> (<c>Admission.RequestContexts.For</c>). The operation the endpoint
/// parsed, validated and chose goes into that context, which runs through the pipeline of the set
/// the endpoint validated against (<paramref name="pipelineOf"/> the request's schema): a request
/// finishes on the set it started with, whatever a reload swaps in meanwhile.
/// </summary>
internal sealed class GatewayOperationExecutor(Func<Schema, GatewayPipeline> pipelineOf) : IOperationExecutor
{
    /// <summary>An executor that runs every request through <paramref name="current"/>'s pipeline.</summary>
    public GatewayOperationExecutor(Func<GatewayPipeline> current)
        : this(_ => current())
    {
    }

    public async ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var context = request.Context as GatewayRequest
            ?? throw new InvalidOperationException("The gateway endpoint's CreateContext must return the request's GatewayRequest.");
        context.Take(request, QueryPlanCache.Hash(request.DocumentText));
        return await pipelineOf(request.Schema).ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
    }
}
