using Federation.Gateway.Requests;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Authorization;

/// <summary>
/// What authorization made of one request: refused outright, served as sent (the common case, no
/// per-field work at all), or served with fields removed or scoped — then with the key of the
/// filtered document's plan, the filtered document (made only when the plan is not cached yet)
/// and the rules shaping applies per field of the client's document.
/// </summary>
internal sealed class AuthorizedOperation : IFieldAccess
{
    private static readonly Dictionary<FieldNode, FieldRule> NoRules = new(ReferenceEqualityComparer.Instance);

    private AuthorizedOperation(GatewayResult? refusal, string? planKey, Dictionary<FieldNode, FieldRule>? rules, IReadOnlyDictionary<FieldNode, SubjectSelection[]>? subjects = null)
    {
        Refusal = refusal;
        PlanKey = planKey;
        Rules = rules;
        Subjects = subjects;
    }

    /// <summary>Every field allowed on every row: planned and shaped exactly as without authorization.</summary>
    public static AuthorizedOperation AsSent { get; } = new(null, null, null);

    /// <summary>
    /// Per field node whose objects may be data subjects, the identifiers the planner's document
    /// fetches beside them for the audit trail (<see cref="OperationAudit"/>); null when none. A function
    /// of the document alone, so the plan key needs nothing more.
    /// </summary>
    public IReadOnlyDictionary<FieldNode, SubjectSelection[]>? Subjects { get; }

    /// <summary>The whole request refused (401 or 403); no subgraph is asked.</summary>
    public GatewayResult? Refusal { get; }

    /// <summary>The plan cache key of the filtered document; null to plan the document as sent.</summary>
    public string? PlanKey { get; }

    /// <summary>Per field node of the client's document (by reference), the rule shaping applies; null when none.</summary>
    public IReadOnlyDictionary<FieldNode, FieldRule>? Rules { get; }

    /// <summary>
    /// The row-scoped resources (<c>rowScoped: true</c>) the caller may read for its purpose, of the
    /// agencies whose resources the operation touches; the subgraphs withhold the rows of every other
    /// (<c>X-Caller-Row-Resources</c>). Empty for a request without a caller.
    /// </summary>
    public IReadOnlyList<string> RowResources { get; private init; } = [];

    /// <summary>This outcome, naming the row-scoped resources the caller may read.</summary>
    public AuthorizedOperation WithRowResources(IReadOnlyList<string> readable) =>
        readable.Count == 0 ? this : new AuthorizedOperation(Refusal, PlanKey, (Dictionary<FieldNode, FieldRule>?)Rules, Subjects) { RowResources = readable };

    public static AuthorizedOperation Refused(GatewayResult refusal) => new(refusal, null, null);

    public static AuthorizedOperation Filtered(string planKey, Dictionary<FieldNode, FieldRule> rules, IReadOnlyDictionary<FieldNode, SubjectSelection[]>? subjects = null) =>
        new(null, planKey, rules, subjects);

    /// <summary>Nothing removed or scoped, the subjects' identifiers fetched: one per document, kept with its audit (<see cref="OperationAudit.AsSent"/>).</summary>
    public static AuthorizedOperation AsSentWithSubjects(IReadOnlyDictionary<FieldNode, SubjectSelection[]> subjects) => new(null, null, null, subjects);

    /// <summary>
    /// The document the planner sees: <paramref name="document"/> — the client's, or what of it goes
    /// to the subgraphs (its field nodes are the client's) — filtered by the rules.
    /// </summary>
    public DocumentNode DocumentToPlan(DocumentNode document, string? operationName) =>
        Rules is null && Subjects is null ? document : DocumentFilter.Apply(document, operationName, Rules ?? NoRules, Subjects);

    /// <summary>The resolver of the final shaping: <paramref name="read"/> itself when no field has a rule.</summary>
    public FieldResolver Shaping(FieldResolver read)
    {
        if (Rules is not { } rules)
        {
            return read;
        }

        return context => rules.TryGetValue(context.FieldNode, out var rule) ? rule.Resolve(context, read) : read(context);
    }
}
