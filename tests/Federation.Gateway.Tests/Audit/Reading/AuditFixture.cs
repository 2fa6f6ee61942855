using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Subjects;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>
/// The reading tests' trail: eight records of <see cref="Sharing.SharingWorld"/>'s agencies on two
/// instances, each known by its request id (<c>r1</c>…<c>r8</c>), whose expected answers the tests
/// state by hand. Times are 2026-03-10 10:00 China Standard Time (<see cref="T0"/>) and after.
/// </summary>
internal static class AuditFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The subject key of the tests (32 bytes).</summary>
    public static readonly SubjectHash Subjects = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public const string Person1 = "33020019900101123X";
    public const string Person2 = "330200198502023456";
    public const string Company1 = "91330200MA2AAAAA1X";

    public static readonly Guid Grant1 = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid Grant2 = Guid.Parse("22222222-2222-4222-8222-222222222222");
    public static readonly Guid Grant3 = Guid.Parse("33333333-3333-4333-8333-333333333333");

    public static IReadOnlyList<ChainedRecord> Records()
    {
        var trail = new MemoryTrail();
        var a = "gateway-a";
        var b = "gateway-b";
        trail.Append(Access("r1", CivilAffairs, "wang.fang", T0, "ADMINISTRATIVE_BASIS", "330200-0001", AuditOutcome.Served,
            [Field("Person.name", BaseItems, FieldDecision.Allowed), Field("Person.maritalStatus", MaritalRecords, FieldDecision.AllowedWithinDivision, grant: Grant1)],
            [Subject(Person1, BaseItems, MaritalRecords)]), a);
        trail.Append(Access("r2", CivilAffairs, "wang.fang", T0.AddHours(1), "WORK_REFERENCE", null, AuditOutcome.PartlyDenied,
            [Field("Person.religion", Religion, FieldDecision.Denied, code: "RESOURCE_NOT_SHARED", path: "person.religion"), Field("Person.name", BaseItems, FieldDecision.Allowed)],
            [Subject(Person2, BaseItems)]), a);
        trail.Append(Access("r3", Taxation, "zhao.lei", T0.AddHours(2), "DATA_VERIFICATION", "330200-0002", AuditOutcome.Served,
            [Field("Person.maritalStatus", MaritalRecords, FieldDecision.Allowed, grant: Grant2)],
            [Subject(Person1, MaritalRecords)]), a);
        trail.Append(Access("r4", Taxation, "zhao.lei", T0.AddDays(1), "BUSINESS_COLLABORATION", null, AuditOutcome.Served,
            [Field("LegalPerson.annualReports", AnnualReports, FieldDecision.Allowed, grant: Grant3)],
            [new AuditedSubject("CREDIT_CODE", Subjects.Of(Company1), [AnnualReports])]), a);
        trail.Append(Access("r5", CivilAffairs, "li.na", T0.AddDays(1).AddHours(1), "ADMINISTRATIVE_BASIS", null, AuditOutcome.Served,
            [Field("Person.maritalStatus", MaritalRecords, FieldDecision.DryRunDenied, code: "GRANT_REQUIRED")],
            [Subject(Person2, MaritalRecords)]), b);
        trail.Append(Access("r6", Taxation, "zhao.lei", T0.AddDays(2), "WORK_REFERENCE", null, AuditOutcome.Failed,
            [Field("Person.residenceHistory", OpenRecords, FieldDecision.Allowed)],
            [], errors: ["SUBGRAPH_UNAVAILABLE"]), b);
        trail.Append(new AuditEntry
        {
            At = T0.AddDays(2).AddHours(1),
            Kind = AuditKind.ShareEvent,
            Event = "SHARE_APPLICATION_APPROVED",
            User = "li.qiang",
            Agency = PublicSecurity,
            RequestId = "r7",
            Detail = new Dictionary<string, string?> { ["application"] = "0f0f0f0f-0000-4000-8000-000000000007" },
        }, b);
        trail.Append(Access("r8", CivilAffairs, "wang.fang", T0.AddDays(3), null, null, AuditOutcome.Refused,
            [Field("Person.religion", Religion, FieldDecision.Denied, code: "RESOURCE_NOT_SHARED", path: "person.religion")],
            []), b);
        return trail.Records;
    }

    public static AuditEntry Access(
        string requestId,
        string agency,
        string user,
        DateTimeOffset at,
        string? purpose,
        string? matter,
        AuditOutcome outcome,
        IReadOnlyList<AuditedField> fields,
        IReadOnlyList<AuditedSubject> subjects,
        IReadOnlyList<string>? errors = null) => new()
        {
            At = at,
            Kind = AuditKind.Access,
            User = user,
            Agency = agency,
            Division = "330200",
            Purpose = purpose,
            Matter = matter,
            OperationName = "Q" + requestId,
            DocumentHash = "doc-" + requestId,
            Outcome = outcome,
            DurationMicroseconds = 1200,
            ClientAddress = "10.0.0.9",
            RequestId = requestId,
            ErrorCodes = errors ?? [],
            Fields = fields,
            Subjects = subjects,
        };

    public static AuditedField Field(string coordinate, string resource, FieldDecision decision, string? code = null, Guid? grant = null, string? path = null) =>
        new(coordinate, resource, Gateway.Catalogue.CatalogueWireNames.WireName(Sharing.SharingWorld.Catalogue.Resource(resource)!.Class), decision, code, grant, path);

    public static AuditedSubject Subject(string identifier, params string[] resources) => new("CITIZEN_ID", Subjects.Of(identifier), resources);

    /// <summary>The request ids of <paramref name="records"/>, in their order.</summary>
    public static string Ids(IEnumerable<ChainedRecord> records) => string.Join(",", records.Select(r => r.Entry.RequestId));
}
