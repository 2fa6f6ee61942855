using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;

namespace Federation.Gateway.Tests.Audit;

/// <summary>Entries for the audit tests, and a comparison member by member (records compare lists by reference).</summary>
internal static class AuditEntries
{
    /// <summary>An entry with every member set.</summary>
    public static AuditEntry Full() => new()
    {
        At = new DateTimeOffset(2026, 12, 7, 9, 30, 15, TimeSpan.Zero).AddTicks(1_234_560),
        Kind = AuditKind.Access,
        Event = "REQUEST",
        User = "u-张三",
        Agency = "11330100MB0000000X",
        Division = "330100",
        Purpose = "ADMINISTRATIVE_LICENSING",
        Matter = "330100-0001",
        OperationName = "PersonLicences",
        DocumentHash = "ab12",
        Outcome = AuditOutcome.PartlyDenied,
        DurationMicroseconds = 1534,
        ClientAddress = "10.0.0.7",
        RequestId = "0HN:00000001",
        ErrorCodes = ["FORBIDDEN", "GRANT_REQUIRED"],
        Fields =
        [
            new("Person.name", "population.person.name", "UNCONDITIONAL", FieldDecision.Allowed),
            new("Person.income", "population.person.income", "CONDITIONAL", FieldDecision.AllowedWithinDivision, Grant: Guid.Parse("6f1c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f")),
            new("Person.health", "population.person.health", "NOT_SHARED", FieldDecision.Denied, Code: "NOT_SHARED", Path: "person.health"),
            new("Licence.holder(id:)", "licences.licence.holder", "CONDITIONAL", FieldDecision.DryRunDenied, Code: "GRANT_REQUIRED"),
        ],
        Subjects =
        [
            new("CITIZEN_ID", "00ff", ["population.person.name", "population.person.income"]),
            new("CREDIT_CODE", "ee01", []),
        ],
        Detail = new Dictionary<string, string?> { ["z"] = "\"quoted\"\n", ["a"] = "1", ["b"] = null },
    };

    /// <summary>An access record of request <paramref name="number"/>.</summary>
    public static AuditEntry Access(int number, DateTimeOffset? at = null) => new()
    {
        At = at ?? new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero).AddMilliseconds(number),
        Kind = AuditKind.Access,
        User = "u-" + number,
        Agency = "11330100MB0000000X",
        Outcome = AuditOutcome.Served,
        DurationMicroseconds = number,
        RequestId = "request-" + number,
        Fields = [new("Person.name", "population.person.name", "UNCONDITIONAL", FieldDecision.Allowed)],
    };

    public static void AssertEqual(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(AuditCanonicalForm.Normalize(expected).At, actual.At);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Event, actual.Event);
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.Division, actual.Division);
        Assert.Equal(expected.Purpose, actual.Purpose);
        Assert.Equal(expected.Matter, actual.Matter);
        Assert.Equal(expected.OperationName, actual.OperationName);
        Assert.Equal(expected.DocumentHash, actual.DocumentHash);
        Assert.Equal(expected.Outcome, actual.Outcome);
        Assert.Equal(expected.DurationMicroseconds, actual.DurationMicroseconds);
        Assert.Equal(expected.ClientAddress, actual.ClientAddress);
        Assert.Equal(expected.RequestId, actual.RequestId);
        Assert.Equal(expected.ErrorCodes, actual.ErrorCodes);
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.Subjects.Count, actual.Subjects.Count);
        for (var i = 0; i < expected.Subjects.Count; i++)
        {
            Assert.Equal(expected.Subjects[i].Kind, actual.Subjects[i].Kind);
            Assert.Equal(expected.Subjects[i].Hash, actual.Subjects[i].Hash);
            Assert.Equal(expected.Subjects[i].Resources, actual.Subjects[i].Resources);
        }

        Assert.Equal(expected.Detail.OrderBy(pair => pair.Key, StringComparer.Ordinal), actual.Detail.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }
}
