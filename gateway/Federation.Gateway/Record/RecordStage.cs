using Federation.Gateway.Requests;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Record;

/// <summary>
/// Record: what happened to the request is written down, for refused requests too — each access
/// denial to the <see cref="IAccessDecisionLog"/> (the log by default; the audit trail will persist
/// them), and the time each step took: a debug log line (event 6101), and for an operator who asked
/// for the plan (<c>QueryPlanInspection</c>) a <c>Server-Timing</c> response header.
/// </summary>
internal sealed partial class RecordStage(IAccessDecisionLog decisions, ILogger logger) : IRequestStage
{
    public const string ServerTimingHeader = "Server-Timing";

    public RequestStep Step => RequestStep.Record;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var denials = request.Denials;
        for (var i = 0; i < denials.Count; i++)
        {
            decisions.Record(denials[i]);
        }

        if (request.ExposePlan && request.Http is { Response.HasStarted: false } http)
        {
            http.Response.Headers[ServerTimingHeader] = request.Timings.ToServerTiming();
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            ref var timings = ref request.Timings;
            Timed(
                logger,
                request.OperationName ?? "",
                request.Answer?.StatusCode ?? 0,
                timings.Of(RequestStep.Admit).TotalMilliseconds,
                timings.Of(RequestStep.Authorize).TotalMilliseconds,
                timings.Of(RequestStep.Plan).TotalMilliseconds,
                timings.Of(RequestStep.Fetch).TotalMilliseconds,
                timings.Of(RequestStep.Shape).TotalMilliseconds);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(
        EventId = 6101,
        EventName = "RequestTimed",
        Level = LogLevel.Debug,
        Message = "Request {Operation} (status {Status}) took admit {Admit} ms, authorize {Authorize} ms, plan {Plan} ms, fetch {Fetch} ms, shape {Shape} ms")]
    private static partial void Timed(ILogger logger, string operation, int status, double admit, double authorize, double plan, double fetch, double shape);
}
