using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Authorization;

/// <summary>
/// What authorization decided for one request that touches catalogue resources, left in the request
/// (<c>request.Get&lt;RequestDecisions&gt;()</c>) for the record stage: the operation's analysis and its
/// audit view (per document), and per request only what the caller changes — the decision per
/// resource (null when every resource is allowed on every row, the common case), the grant that
/// allowed each conditional read (null when no grant was needed), the resource that denies each field
/// (null when none is denied), the mode and the caller's division. Arrays indexed as the analysis's
/// resources and fields; nothing per field is made here.
/// </summary>
internal sealed class RequestDecisions(
    OperationFields operation,
    OperationAudit audit,
    ShareCatalogue catalogue,
    AccessDecision[]? decisions,
    Guid?[]? grants,
    int[]? denied,
    AuthorizationMode mode,
    string division,
    bool refused)
{
    public OperationFields Operation => operation;

    public OperationAudit Audit => audit;

    public ShareCatalogue Catalogue => catalogue;

    /// <summary>Per resource of <see cref="Operation"/>; null when all are allowed on every row.</summary>
    public AccessDecision[]? Decisions => decisions;

    /// <summary>Per resource, the grant that allowed it; null when no decision needed one.</summary>
    public Guid?[]? Grants => grants;

    /// <summary>Per field of <see cref="Operation"/>, the resource that denies it, -1 when none; null when no field is denied.</summary>
    public int[]? Denied => denied;

    public AuthorizationMode Mode => mode;

    /// <summary>The caller's administrative division: rows of division-scoped resources outside it are not read.</summary>
    public string Division => division;

    /// <summary>Refused as a whole in reject mode: no field was read.</summary>
    public bool Refused => refused;

    public AccessDecision DecisionOf(int resource) => decisions is null ? AccessDecision.Allowed : decisions[resource];
}
