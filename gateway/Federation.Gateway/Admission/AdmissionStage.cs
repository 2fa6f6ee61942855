using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Requests;
using Federation.GraphQL.Execution;

namespace Federation.Gateway.Admission;

/// <summary>
/// Admit: who asks, why, and with which values. The bearer token was checked by the gate before
/// the document was parsed (<see cref="GatewayAuthentication.RequireCaller"/>), which put the
/// admitted caller into the context (<see cref="RequestContexts.For"/>); here the purpose
/// declaration is read once — headers and <c>extensions</c> together (<see cref="PurposeDeclaration"/>) —
/// and the variables are coerced once, against the served schema: a bad declaration or variables
/// that do not coerce are a request error before anything is authorized, planned or fetched.
/// </summary>
internal sealed class AdmissionStage : IRequestStage
{
    public static readonly AdmissionStage Instance = new();

    private AdmissionStage()
    {
    }

    public RequestStep Step => RequestStep.Admit;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        if (request.OperationError is { } noOperation)
        {
            request.Answered(GatewayResult.Refused([noOperation]));
            return ValueTask.CompletedTask;
        }

        if (PurposeDeclaration.Read(request.DeclaredInHeaders, request.Extensions, out var declared) is { } refused)
        {
            request.Answered(GatewayResult.Refused([refused], 400));
            return ValueTask.CompletedTask;
        }

        var purpose = declared ?? request.Purpose;
        request.Purpose = purpose;
        var caller = request.Caller;
        request.Caller = caller with
        {
            Purpose = purpose?.Purpose.WireName() ?? caller.Purpose,
            Matter = purpose?.Matter ?? caller.Matter,

            // The subgraphs limit division-scoped lists to it (X-Caller-Division, SubgraphClient).
            Division = request.Identity?.Division ?? caller.Division,
        };

        if (!PreparedOperation.TryPrepare(request.Schema!, request.Operation, request.Fragments, request.Variables, out var prepared, out var errors))
        {
            request.Answered(GatewayResult.Refused(AdmissionErrorCodes.VariablesRefused(errors)));
            return ValueTask.CompletedTask;
        }

        request.Prepared = prepared;
        return ValueTask.CompletedTask;
    }
}
