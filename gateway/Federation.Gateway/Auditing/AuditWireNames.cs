using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;

namespace Federation.Gateway.Auditing;

/// <summary>
/// The names the trail's enumerations have outside the code — in the <c>kind</c>, <c>outcome</c> and
/// <c>decisions</c> columns of the audit schema and as the reading API's GraphQL enum values:
/// SCREAMING_SNAKE, the canonical body's spelling (<see cref="AuditCanonicalForm"/>), so a filter means
/// the same in every store.
/// </summary>
internal static class AuditWireNames
{
    public static string Of(AuditKind kind) => AuditCanonicalForm.NameOf(kind);

    public static string Of(AuditOutcome outcome) => AuditCanonicalForm.NameOf(outcome);

    public static string Of(FieldDecision decision) => AuditCanonicalForm.NameOf(decision);

    public static AuditKind? KindOf(string? name) => AuditCanonicalForm.KindNamedOrNull(name);

    public static FieldDecision? DecisionOf(string? name) => AuditCanonicalForm.DecisionNamedOrNull(name);
}
