using Federation.Gateway.Requests;

namespace Federation.Gateway.Authorization;

/// <summary>
/// Authorize: the decisions of <see cref="OperationAuthorizer"/> for this request, left in the
/// context for the stages after it — a refusal answers the request; otherwise the plan key of the
/// filtered document, the row-scoped resources the subgraphs may return rows of, and the rules of
/// the removed and scoped fields (<see cref="GatewayRequest.FieldAccess"/>). The denials are in the
/// request for the record stage.
/// </summary>
internal sealed class AuthorizationStage(OperationAuthorizer authorizer) : IRequestStage
{
    public RequestStep Step => RequestStep.Authorize;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var pending = authorizer.AuthorizeAsync(request, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            Apply(request, pending.Result);
            return ValueTask.CompletedTask;
        }

        return AwaitAsync(request, pending);
    }

    private static async ValueTask AwaitAsync(GatewayRequest request, ValueTask<AuthorizedOperation> pending) =>
        Apply(request, await pending.ConfigureAwait(false));

    private static void Apply(GatewayRequest request, AuthorizedOperation authorized)
    {
        if (authorized.Refusal is { } refusal)
        {
            request.Answered(refusal);
            return;
        }

        if (authorized.PlanKey is { } key)
        {
            request.PlanKey = key;
        }

        request.RowResources = authorized.RowResources;
        if (authorized.Rules is not null || authorized.Subjects is not null)
        {
            request.FieldAccess = authorized;
        }
    }
}
