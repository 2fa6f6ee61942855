using System.Diagnostics;
using Federation.Gateway.Requests;
using Federation.GraphQL;

namespace Federation.Gateway.Telemetry;

/// <summary>
/// The gateway's spans (activity source <c>Federation.Gateway</c>): one per operation, one per pipeline stage
/// under it, one per subgraph fetch under the fetch stage. They carry what an operator needs to follow a
/// request — the operation's type and name, the calling agency and its purpose, the subgraph, the error
/// codes — and never what the caller sent or got: no token, variable, argument, identity number or
/// document text, and no exception message (which can quote any of them).
/// </summary>
internal static class GatewayTelemetry
{
    public const string SourceName = "Federation.Gateway";

    /// <summary>What the OpenTelemetry setup subscribes to: every area's meter (<c>Federation.Gateway.Cache</c>, …).</summary>
    public const string MeterPattern = "Federation.Gateway.*";

    public static readonly ActivitySource Source = new(SourceName);

    public const string OperationType = "graphql.operation.type";
    public const string OperationName = "graphql.operation.name";
    public const string CallerAgency = "federation.caller.agency";
    public const string CallerPurpose = "federation.caller.purpose";
    public const string Subgraph = "federation.subgraph";
    public const string ErrorCode = "error.type";

    /// <summary>
    /// The caller's agency and purpose on the operation's span, once the stages before the record have run:
    /// the purpose is read from the request by admission, after the span began.
    /// </summary>
    public static void DescribeCaller(Activity? operation, GatewayRequest request)
    {
        if (operation is { IsAllDataRequested: true })
        {
            operation.SetTag(CallerAgency, request.Caller.Agency);
            operation.SetTag(CallerPurpose, request.Caller.Purpose);
        }
    }

    /// <summary>The operation's span; null when no one listens.</summary>
    public static Activity? StartOperation(GatewayRequest request)
    {
        var activity = Source.StartActivity("gateway.operation");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(OperationType, TypeName(request.Operation.Operation));
            activity.SetTag(OperationName, request.OperationName);
            activity.DisplayName = request.OperationName is { } name ? "gateway.operation " + name : "gateway.operation";
        }

        return activity;
    }

    /// <summary>A stage's span (<c>gateway.admit</c>, <c>gateway.plan</c>, …); null when no one listens.</summary>
    public static Activity? StartStage(RequestStep step) => Source.StartActivity(StageNames[(int)step]);

    /// <summary>A subgraph fetch's span, a client span the subgraph's server span continues (the signed <c>traceparent</c>).</summary>
    public static Activity? StartFetch(string subgraph)
    {
        var activity = Source.StartActivity("gateway.fetch " + subgraph, ActivityKind.Client);
        activity?.SetTag(Subgraph, subgraph);
        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> failed with the code only.</summary>
    public static void Failed(Activity? activity, string code)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, code);
        activity.SetTag(ErrorCode, code);
    }

    /// <summary>The error's <c>extensions.code</c>, or <c>INTERNAL_ERROR</c> for one without.</summary>
    public static string CodeOf(GraphQLError error) =>
        error.Extensions?.GetValueOrDefault("code") as string ?? "INTERNAL_ERROR";

    public static string TypeName(Federation.GraphQL.Language.Syntax.OperationType type) => type switch
    {
        Federation.GraphQL.Language.Syntax.OperationType.Mutation => "mutation",
        Federation.GraphQL.Language.Syntax.OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static readonly string[] StageNames = ["gateway.admit", "gateway.authorize", "gateway.plan", "gateway.fetch", "gateway.shape", "gateway.record"];
}
