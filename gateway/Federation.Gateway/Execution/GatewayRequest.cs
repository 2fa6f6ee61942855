using Federation.GraphQL.Language.Syntax;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Execution;

/// <summary>
/// One operation for the gateway to answer: a document already parsed and validated against
/// the API schema (and authorized), the hash of its text (the plan cache key), the variables
/// as parsed from JSON (<c>PlainValues.FromJson</c>), and the caller the subgraph requests are
/// signed for.
/// </summary>
internal sealed record GatewayRequest(
    DocumentNode Document,
    string DocumentHash,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    GatewayCaller Caller,
    bool ExposePlan = false);
