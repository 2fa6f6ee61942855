using System.Diagnostics;
using System.Diagnostics.Metrics;
using Federation.Gateway.Requests;

namespace Federation.Gateway.Telemetry;

/// <summary>
/// The gateway's meters, one per area (<c>Federation.Gateway.Requests</c>, <c>.Subgraphs</c>,
/// <c>.Authorization</c>): requests, their durations and errors per operation, the same per subgraph,
/// denials per code. Made by the host's <see cref="IMeterFactory"/>, so two gateways in one process
/// (tests, benchmarks) count apart. Tags are the operation's type and name, the subgraph, the code: never
/// the caller, whose agency and purpose go on spans only (a tag per agency would multiply every series).
/// The OpenTelemetry SDK caps each instrument's distinct tag sets (2 000 by default), so operation names
/// a client invents cannot grow memory without bound.
/// </summary>
internal sealed class GatewayMetrics
{
    public const string RequestsMeter = "Federation.Gateway.Requests";
    public const string SubgraphsMeter = "Federation.Gateway.Subgraphs";
    public const string AuthorizationMeter = "Federation.Gateway.Authorization";

    private readonly Counter<long> requests;
    private readonly Histogram<double> requestDuration;
    private readonly Counter<long> requestErrors;
    private readonly Counter<long> subgraphRequests;
    private readonly Histogram<double> subgraphDuration;
    private readonly Counter<long> subgraphErrors;
    private readonly Counter<long> denials;

    public GatewayMetrics(IMeterFactory meters)
    {
        var requestsMeter = meters.Create(RequestsMeter);
        requests = requestsMeter.CreateCounter<long>("federation.gateway.requests", "{request}", "Operations the gateway ran, per operation and outcome.");
        requestDuration = requestsMeter.CreateHistogram<double>("federation.gateway.request.duration", "s", "How long an operation took in the gateway's pipeline, from admission to record.");
        requestErrors = requestsMeter.CreateCounter<long>("federation.gateway.request.errors", "{error}", "Errors in operations' answers, per operation and code.");
        var subgraphsMeter = meters.Create(SubgraphsMeter);
        subgraphRequests = subgraphsMeter.CreateCounter<long>("federation.gateway.subgraph.requests", "{request}", "Requests to subgraphs, per subgraph and outcome.");
        subgraphDuration = subgraphsMeter.CreateHistogram<double>("federation.gateway.subgraph.duration", "s", "How long a subgraph took to answer.");
        subgraphErrors = subgraphsMeter.CreateCounter<long>("federation.gateway.subgraph.errors", "{error}", "Subgraph requests that failed, per subgraph and code.");
        denials = meters.Create(AuthorizationMeter).CreateCounter<long>("federation.gateway.authorization.denials", "{denial}", "Fields refused to callers, per code.");
    }

    /// <summary>Counts the finished operation of <paramref name="request"/>: its duration, outcome, error codes and denials.</summary>
    public void Finished(GatewayRequest request, GatewayResult? answer)
    {
        var type = new KeyValuePair<string, object?>(GatewayTelemetry.OperationType, GatewayTelemetry.TypeName(request.Operation.Operation));
        var name = new KeyValuePair<string, object?>(GatewayTelemetry.OperationName, request.OperationName ?? "");
        var errors = answer?.Errors ?? [];
        var failed = request.Failure is not null || answer is null;
        requests.Add(1, type, name, new("outcome", failed ? "failed" : errors.Count == 0 ? "ok" : "errors"));
        requestDuration.Record(Stopwatch.GetElapsedTime(request.StartedAt).TotalSeconds, type, name);
        if (request.Failure is not null && answer is null)
        {
            requestErrors.Add(1, type, name, new(GatewayTelemetry.ErrorCode, "INTERNAL_ERROR"));
        }

        foreach (var error in errors)
        {
            requestErrors.Add(1, type, name, new(GatewayTelemetry.ErrorCode, GatewayTelemetry.CodeOf(error)));
        }

        foreach (var denial in request.Denials)
        {
            denials.Add(1, new KeyValuePair<string, object?>(GatewayTelemetry.ErrorCode, denial.Code));
        }
    }

    /// <summary>Counts one subgraph request: <paramref name="code"/> is its failure's code, null when it answered.</summary>
    public void Fetched(string subgraph, long started, string? code)
    {
        var tag = new KeyValuePair<string, object?>(GatewayTelemetry.Subgraph, subgraph);
        subgraphRequests.Add(1, tag, new("outcome", code is null ? "ok" : "failed"));
        subgraphDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        if (code is not null)
        {
            subgraphErrors.Add(1, tag, new(GatewayTelemetry.ErrorCode, code));
        }
    }
}
