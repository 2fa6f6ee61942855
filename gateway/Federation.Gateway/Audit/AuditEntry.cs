namespace Federation.Gateway.Audit;

/// <summary>What one audit record is about.</summary>
internal enum AuditKind
{
    /// <summary>A request to the graph: who read which fields of whose data, and why.</summary>
    Access,

    /// <summary>A share application or grant changed: applied, approved, refused, withdrawn, revoked.</summary>
    ShareEvent,

    /// <summary>The catalogue or the supergraph was reloaded (or a reload was refused).</summary>
    Reload,

    /// <summary>The audit trail itself was read, or an attempt to read it was refused: auditors are audited.</summary>
    AuditRead,

    /// <summary>The competent department evicted cached data, or an attempt to evict was refused.</summary>
    CacheEviction,
}

/// <summary>How a request ended, as the trail tells it.</summary>
internal enum AuditOutcome
{
    /// <summary>Answered with every field asked for that the caller may read (subgraph errors may still be in the answer).</summary>
    Served,

    /// <summary>Answered with data, some fields denied.</summary>
    PartlyDenied,

    /// <summary>Refused as a whole: unauthenticated, forbidden, or denied in reject mode; no data.</summary>
    Refused,

    /// <summary>The gateway could not answer: no data, for a reason other than a refusal.</summary>
    Failed,
}

/// <summary>What authorization decided for one field of a request.</summary>
internal enum FieldDecision
{
    /// <summary>Read, every row.</summary>
    Allowed,

    /// <summary>Read for the rows within the caller's administrative division only.</summary>
    AllowedWithinDivision,

    /// <summary>Removed from the request: the code says why.</summary>
    Denied,

    /// <summary>Dry-run mode: it would have been denied with the code, and was served.</summary>
    DryRunDenied,
}

/// <summary>
/// One field decision of a request: the field's coordinate (<c>Type.field</c>, or
/// <c>Type.field(argument:)</c> for a denial made for what an argument uses), its catalogue resource and
/// class, the decision, the denial's code, the grant that allowed a conditional read, and for a denial
/// the response path it was made at.
/// </summary>
internal sealed record AuditedField(
    string Coordinate,
    string Resource,
    string Class,
    FieldDecision Decision,
    string? Code = null,
    Guid? Grant = null,
    string? Path = null);

/// <summary>
/// One data subject whose data the request returned: the kind of identifier (<c>CITIZEN_ID</c>,
/// <c>CREDIT_CODE</c>, <c>LICENCE_NUMBER</c>, <c>PARCEL_CODE</c>, or what the catalogue names), the
/// keyed hash of the identifier (<see cref="SubjectHash"/>, lower-case hex) — never the identifier —
/// and the catalogue resources read of that subject.
/// </summary>
internal sealed record AuditedSubject(string Kind, string Hash, IReadOnlyList<string> Resources);

/// <summary>
/// One record of the audit trail as its maker states it, before the trail chains it
/// (<see cref="ChainedRecord"/>). An <see cref="AuditKind.Access"/> record has the request's fields; the
/// other kinds name their <see cref="Event"/> (for example <c>SHARE_APPLICATION_APPROVED</c>,
/// <c>SUPERGRAPH_RELOADED</c>, <c>AUDIT_RECORDS_READ</c>) and carry what it concerns in
/// <see cref="Detail"/> (names and identifiers of platform objects, never personal data).
/// </summary>
internal sealed record AuditEntry
{
    public required DateTimeOffset At { get; init; }

    public required AuditKind Kind { get; init; }

    /// <summary>The user who asked (the token's subject); null for the platform's own events.</summary>
    public string? User { get; init; }

    /// <summary>The caller's agency (credit code).</summary>
    public string? Agency { get; init; }

    /// <summary>The caller's administrative division (GB/T 2260).</summary>
    public string? Division { get; init; }

    /// <summary>The declared purpose's wire name.</summary>
    public string? Purpose { get; init; }

    /// <summary>The administrative matter (事项编码) declared.</summary>
    public string? Matter { get; init; }

    public string? OperationName { get; init; }

    /// <summary>The hash of the document's text (the plan cache's).</summary>
    public string? DocumentHash { get; init; }

    /// <summary>For requests: how it ended.</summary>
    public AuditOutcome? Outcome { get; init; }

    /// <summary>Microseconds from the request's start to its record.</summary>
    public long DurationMicroseconds { get; init; }

    public string? ClientAddress { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The error codes of the answer, when it has errors (each code once).</summary>
    public IReadOnlyList<string> ErrorCodes { get; init; } = [];

    public IReadOnlyList<AuditedField> Fields { get; init; } = [];

    public IReadOnlyList<AuditedSubject> Subjects { get; init; } = [];

    /// <summary>For kinds other than <see cref="AuditKind.Access"/>: what happened, SCREAMING_SNAKE.</summary>
    public string? Event { get; init; }

    /// <summary>For kinds other than <see cref="AuditKind.Access"/>: what the event concerns, name → value.</summary>
    public IReadOnlyDictionary<string, string?> Detail { get; init; } = EmptyDetail;

    private static readonly IReadOnlyDictionary<string, string?> EmptyDetail = new Dictionary<string, string?>();
}
