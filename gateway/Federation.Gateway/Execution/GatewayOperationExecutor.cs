using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Planning;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.Protocol.Signing;

namespace Federation.Gateway.Execution;

/// <summary>
/// What the endpoint knows of a request that the gateway's execution needs: the caller the
/// subgraph requests are signed for, and whether an operator asked for the plan
/// (<see cref="QueryPlanInspection"/>). The endpoint's <c>CreateContext</c> makes it.
/// </summary>
internal sealed record GatewayContext(GatewayCaller Caller, bool ExposePlan = false)
{
    /// <summary>The caller the bearer token names; null for a request without one.</summary>
    public Caller? Identity { get; init; }

    /// <summary>The purpose the request declares (header or <c>extensions</c>); null when it declares none.</summary>
    public StatedPurpose? Purpose { get; init; }

    /// <summary>The purpose and matter headers as sent; the executor reads them with <c>extensions</c> into <see cref="GatewayRequest.Purpose"/>.</summary>
    public PurposeDeclaration? DeclaredInHeaders { get; init; }
}

/// <summary>
/// The gateway behind the GraphQL endpoint's executor seam: <c>options.Executor = new
/// GatewayOperationExecutor(() => current)</c> with <c>options.CreateContext</c> returning a
/// <see cref="GatewayContext"/>. <paramref name="executor"/> is asked on every request, so a
/// reloaded supergraph takes effect with its own planner and plan cache. Plans are keyed by
/// the request's document text, so the document must reach this seam as the client sent it
/// (see <see cref="GatewayRequest"/> for documents changed by authorization).
/// </summary>
internal sealed class GatewayOperationExecutor(Func<GatewayExecutor> executor) : IOperationExecutor
{
    public async ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var context = request.Context as GatewayContext
            ?? throw new InvalidOperationException("The gateway endpoint's CreateContext must return a GatewayContext with the caller.");
        if (PurposeDeclaration.Read(context.DeclaredInHeaders, request.Extensions, out var declared) is { } refused)
        {
            return new DeclarationRefusal(refused);
        }

        var purpose = declared ?? context.Purpose;
        return await executor().ExecuteAsync(
            new GatewayRequest(
                request.Document,
                QueryPlanCache.Hash(request.DocumentText),
                request.Operation.Name?.Value,
                request.Variables,
                context.Caller with
                {
                    Purpose = purpose?.Purpose.WireName() ?? context.Caller.Purpose,
                    Matter = purpose?.Matter ?? context.Caller.Matter,

                    // The subgraphs limit division-scoped lists to it (X-Caller-Division, SubgraphClient).
                    Division = context.Identity?.Division ?? context.Caller.Division,
                },
                context.ExposePlan)
            {
                Identity = context.Identity,
                Purpose = purpose,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
