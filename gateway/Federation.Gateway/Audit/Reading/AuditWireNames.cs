namespace Federation.Gateway.Audit.Reading;

/// <summary>
/// The names the trail's enumerations have outside the code — in the <c>kind</c>, <c>outcome</c> and
/// <c>decisions</c> columns of the audit schema and as the reading API's GraphQL enum values:
/// SCREAMING_SNAKE, one spelling for both, so a filter means the same in every store.
/// </summary>
internal static class AuditWireNames
{
    public static string Of(AuditKind kind) => kind switch
    {
        AuditKind.Access => "ACCESS",
        AuditKind.ShareEvent => "SHARE_EVENT",
        AuditKind.Reload => "RELOAD",
        AuditKind.AuditRead => "AUDIT_READ",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Served => "SERVED",
        AuditOutcome.PartlyDenied => "PARTLY_DENIED",
        AuditOutcome.Refused => "REFUSED",
        AuditOutcome.Failed => "FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Of(FieldDecision decision) => decision switch
    {
        FieldDecision.Allowed => "ALLOWED",
        FieldDecision.AllowedWithinDivision => "ALLOWED_WITHIN_DIVISION",
        FieldDecision.Denied => "DENIED",
        FieldDecision.DryRunDenied => "DRY_RUN_DENIED",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static AuditKind? KindOf(string? name) => name switch
    {
        "ACCESS" => AuditKind.Access,
        "SHARE_EVENT" => AuditKind.ShareEvent,
        "RELOAD" => AuditKind.Reload,
        "AUDIT_READ" => AuditKind.AuditRead,
        _ => null,
    };

    public static FieldDecision? DecisionOf(string? name) => name switch
    {
        "ALLOWED" => FieldDecision.Allowed,
        "ALLOWED_WITHIN_DIVISION" => FieldDecision.AllowedWithinDivision,
        "DENIED" => FieldDecision.Denied,
        "DRY_RUN_DENIED" => FieldDecision.DryRunDenied,
        _ => null,
    };
}
