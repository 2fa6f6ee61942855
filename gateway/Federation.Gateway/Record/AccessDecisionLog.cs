using Federation.Gateway.Requests;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Record;

/// <summary>Where the record stage writes denials besides the response: the log by default, the audit trail when it persists them.</summary>
internal interface IAccessDecisionLog
{
    void Record(AccessDenial denial);
}

/// <summary>Denials as structured log events (event id 6001), one per denied path.</summary>
internal sealed partial class LoggedAccessDecisions(ILogger<LoggedAccessDecisions> logger) : IAccessDecisionLog
{
    public void Record(AccessDenial denial) =>
        Denied(logger, denial.Mode, denial.Agency, denial.User, denial.Purpose ?? "NONE", denial.Matter, denial.PathText, denial.Resource, denial.Code, denial.Enforced);

    [LoggerMessage(
        EventId = 6001,
        EventName = "AccessDenied",
        Level = LogLevel.Warning,
        Message = "Access denied ({Mode}): agency {Agency} user {User} purpose {Purpose} matter {Matter} path {Path} resource {Resource} code {Code} enforced {Enforced}")]
    private static partial void Denied(ILogger logger, string mode, string agency, string user, string purpose, string? matter, string path, string resource, string code, bool enforced);
}
