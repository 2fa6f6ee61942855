using Federation.Gateway.Authentication;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Signing;

namespace Federation.Gateway.Execution;

/// <summary>
/// One operation for the gateway to answer: a document already parsed and validated against
/// the API schema (and authorized), the key of its plan, the variables as parsed from JSON
/// (<c>PlainValues.FromJson</c>), and the caller the subgraph requests are signed for.
/// <see cref="DocumentHash"/> must identify the document as it is planned: the hash of its text
/// (<see cref="Planning.QueryPlanCache.Hash"/>) when it is planned as sent, but when
/// authorization has removed fields, a hash of the document after removal — else a caller
/// could get the plan made for another caller's fields.
/// </summary>
internal sealed record GatewayRequest(
    DocumentNode Document,
    string DocumentHash,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    GatewayCaller Caller,
    bool ExposePlan = false)
{
    /// <summary>The authenticated caller; null for a request without a token.</summary>
    public Caller? Identity { get; init; }

    /// <summary>The purpose the request declares; null when none.</summary>
    public StatedPurpose? Purpose { get; init; }
}
