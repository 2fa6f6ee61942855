using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Requests;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Record;

/// <summary>
/// Record: what happened to the request is written down, for refused and failed requests too (the
/// pipeline runs it in a <c>finally</c>). With an audit trail (<see cref="IAuditTrail"/>) every request
/// gets one access record (<see cref="AccessRecord"/>), awaited until durable; a record that cannot be
/// made durable withholds the answer — <c>AUDIT_UNAVAILABLE</c>, HTTP 503, no data. Each access denial
/// also goes to the <see cref="IAccessDecisionLog"/> (the log, as without a trail), and the time each
/// step took to a debug log line (event 6101) and, for an operator who asked for the plan
/// (<c>QueryPlanInspection</c>), a <c>Server-Timing</c> response header.
/// </summary>
/// <param name="trail">Where access records go; null when auditing is off (<c>Audit:Enabled=false</c>).</param>
/// <param name="subjects">How data subjects' identifiers are hashed; null records no subjects.</param>
internal sealed partial class RecordStage(IAccessDecisionLog decisions, ILogger logger, IAuditTrail? trail = null, SubjectHash? subjects = null, TimeProvider? time = null) : IRequestStage
{
    public const string ServerTimingHeader = "Server-Timing";

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public RequestStep Step => RequestStep.Record;

    public ValueTask RunAsync(GatewayRequest request, CancellationToken cancellationToken)
    {
        var denials = request.Denials;
        for (var i = 0; i < denials.Count; i++)
        {
            decisions.Record(denials[i]);
        }

        return trail is null ? Finish(request) : AuditAsync(request);
    }

    private async ValueTask AuditAsync(GatewayRequest request)
    {
        var entry = AccessRecord.Of(request, subjects, clock.GetUtcNow());
        var answer = request.Answer;
        try
        {
            // Not the request's token: a client that went away after its data was fetched is recorded all the same.
            var appended = trail!.AppendAsync(entry, CancellationToken.None);
            if (!appended.IsCompleted && answer is not null)
            {
                // While the record's group commit runs, the answer is serialised — into memory only: the endpoint
                // writes it once this stage (and the pipeline) returned, after the record is durable.
                Prepare(answer);
            }

            await appended.ConfigureAwait(false);
        }
        catch (AuditUnavailableException exception)
        {
            Unavailable(logger, request.Http?.TraceIdentifier ?? "", exception);
            request.Unrecorded = true;
            answer?.Discard();
            request.Answered(RecordErrorCodes.Unavailable());
        }

        await Finish(request).ConfigureAwait(false);
    }

    private static void Prepare(GatewayResult answer)
    {
        try
        {
            answer.Prepare();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Serialised again, and failing as it would have, when the endpoint writes it; the record is awaited all the same.
        }
    }

    private ValueTask Finish(GatewayRequest request)
    {
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

    [LoggerMessage(
        EventId = 6102,
        EventName = "AuditUnavailable",
        Level = LogLevel.Error,
        Message = "Request {RequestId} was not served: its audit record could not be made durable")]
    private static partial void Unavailable(ILogger logger, string requestId, Exception exception);
}
