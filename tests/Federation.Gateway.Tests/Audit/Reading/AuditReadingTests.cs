using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Tests.Sharing;
using static Federation.Gateway.Tests.Audit.Reading.AuditFixture;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>The auditor's reading (<see cref="AuditReading"/>) over both stores: who may read, what is recorded, what is refused, and the answers.</summary>
public sealed class AuditReadingTests
{
    public static readonly TheoryData<string> Stores = AuditStore.Kinds;

    internal static readonly Caller Auditor = new("sun.li", BigDataBureau, "330200", new HashSet<string> { PlatformRoles.Auditor });

    private static readonly AuditReader AsAuditor = new(Auditor, "10.1.1.1", "trace-1");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Anyone_but_an_auditor_is_refused_every_read_and_the_attempt_is_recorded(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());
        var trail = new MemoryTrail();
        var reading = Reading(audit, trail);
        var cancel = TestContext.Current.CancellationToken;
        Caller?[] callers = [null, SharingWorld.CompetentDepartment(), Applicant(), Nobody()];
        foreach (var caller in callers)
        {
            var who = new AuditReader(caller, "10.9.9.9", "trace-x");
            Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(who, AuditFilter.All, 10, null, cancel)));
            // Arguments a non-auditor sends are never looked at: no hint of what they would have been told.
            Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.SubjectHistoryAsync(who, "", null, null, 0, "not a cursor", cancel)));
            Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.UsageAsync(who, new(2026, 3, 10), new(2026, 3, 1), null, cancel)));
            Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.DenialsAsync(who, new(2026, 3, 10), new(2026, 3, 11), null, cancel)));
            Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.EvaluationAsync(who, 1, null, "xml", cancel)));
            Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.ChainAsync(who, cancel)));
        }

        var refusals = trail.Reads();
        Assert.Equal(callers.Length * 6, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(AuditReading.Refused, r.Event);
            Assert.Equal(AuditOutcome.Refused, r.Outcome);
            Assert.Equal("10.9.9.9", r.ClientAddress);
        });
        Assert.Equal(
            [AuditReading.RecordsRead, AuditReading.SubjectHistoryRead, AuditReading.UsageRead, AuditReading.DenialsRead, AuditReading.EvaluationRead, AuditReading.ChainRead],
            refusals.Take(6).Select(r => r.Detail["attempted"]));
        Assert.Null(refusals[0].User);
        Assert.Equal((SharingWorld.CompetentDepartment().User, BigDataBureau), (refusals[6].User, refusals[6].Agency));
        Assert.Equal(CivilAffairs, refusals[12].Agency);
    }

    [Fact]
    public async Task A_refusal_is_refused_even_when_its_record_cannot_be_made_and_a_read_that_cannot_be_recorded_releases_nothing()
    {
        await using var audit = await AuditStore.CreateAsync("memory");
        await audit.AddAsync(Records());
        var trail = new MemoryTrail { Unavailable = true };
        var reading = Reading(audit, trail);

        Refused(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(new AuditReader(Applicant()), AuditFilter.All, 10, null, TestContext.Current.CancellationToken)));
        var unrecorded = await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, AuditFilter.All, 10, null, TestContext.Current.CancellationToken));
        Assert.Equal("AUDIT_UNAVAILABLE", Code(unrecorded));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Each_read_is_recorded_with_its_filter_and_a_subject_only_as_its_hash(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());
        var trail = new MemoryTrail();
        var reading = Reading(audit, trail);
        var cancel = TestContext.Current.CancellationToken;

        var page = await reading.RecordsAsync(AsAuditor, new AuditFilter { Agency = CivilAffairs, Decision = FieldDecision.Denied, From = T0 }, 1, null, cancel);
        await reading.SubjectHistoryAsync(AsAuditor, Person1, null, null, 10, null, cancel);
        await reading.UsageAsync(AsAuditor, new(2026, 3, 10), new(2026, 3, 12), Taxation, cancel);
        await reading.DenialsAsync(AsAuditor, new(2026, 3, 10), new(2026, 3, 12), null, cancel);
        await reading.EvaluationAsync(AsAuditor, 2026, null, "csv", cancel);
        await reading.RecordsAsync(AsAuditor, new AuditFilter { Agency = CivilAffairs, Decision = FieldDecision.Denied, From = T0 }, 1, page.Edges[0].Cursor, cancel);

        var reads = trail.Reads();
        Assert.Equal(
            [AuditReading.RecordsRead, AuditReading.SubjectHistoryRead, AuditReading.UsageRead, AuditReading.DenialsRead, AuditReading.EvaluationRead, AuditReading.RecordsRead],
            reads.Select(r => r.Event));
        Assert.All(reads, r =>
        {
            Assert.Equal((Auditor.User, Auditor.Agency, AuditOutcome.Served), (r.User, r.Agency, r.Outcome));
            Assert.Equal(("10.1.1.1", "trace-1"), (r.ClientAddress, r.RequestId));
            Assert.DoesNotContain(r.Detail.Values, v => v is not null && v.Contains(Person1, StringComparison.OrdinalIgnoreCase));
        });
        Assert.Equal(
            $"agency={CivilAffairs};decision=DENIED;first=1;from=2026-03-10T02:00:00.0000000Z",
            Detail(reads[0]));
        Assert.Equal($"first=10;kind=ACCESS;subjectHash={Subjects.Of(Person1)}", Detail(reads[1]));
        Assert.Equal($"agency={Taxation};from=2026-03-10;until=2026-03-12", Detail(reads[2]));
        Assert.Equal("format=csv;year=2026", Detail(reads[4]));
        Assert.Equal("given", reads[5].Detail["after"]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Cursors_continue_the_filter_they_were_given_for_and_nothing_else(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());
        var reading = Reading(audit, new MemoryTrail());
        var cancel = TestContext.Current.CancellationToken;
        var filter = new AuditFilter { Kind = AuditKind.Access };

        var first = await reading.RecordsAsync(AsAuditor, filter, 3, null, cancel);
        Assert.Equal("r8,r6,r5", Ids(first.Edges.Select(e => e.Record)));
        Assert.True(first.HasNextPage);
        var second = await reading.RecordsAsync(AsAuditor, filter, 3, first.Edges[^1].Cursor, cancel);
        Assert.Equal("r4,r3,r2", Ids(second.Edges.Select(e => e.Record)));
        var third = await reading.RecordsAsync(AsAuditor, filter, 3, second.Edges[^1].Cursor, cancel);
        Assert.Equal("r1", Ids(third.Edges.Select(e => e.Record)));
        Assert.False(third.HasNextPage);

        var cursor = first.Edges[^1].Cursor;
        var forged = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];
        string[] bad = [forged, "", "!!!!", "AAAA", new string('A', 300), cursor + "A", cursor[..^1], "eyJhdCI6MH0", "x y"];
        foreach (var text in bad)
        {
            Assert.Equal("CURSOR_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, filter, 3, text, cancel))));
        }

        // A cursor of one filter does not page another's records; nor another gateway process's cursor.
        Assert.Equal("CURSOR_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, new AuditFilter { Kind = AuditKind.ShareEvent }, 3, cursor, cancel))));
        Assert.Equal("CURSOR_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => Reading(audit, new MemoryTrail()).RecordsAsync(AsAuditor, filter, 3, cursor, cancel))));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Bad_arguments_are_coded_errors(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        var reading = Reading(audit, new MemoryTrail());
        var cancel = TestContext.Current.CancellationToken;

        Assert.Equal("FIRST_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, AuditFilter.All, 0, null, cancel))));
        Assert.Equal("FIRST_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, AuditFilter.All, 501, null, cancel))));
        Assert.Equal("FIRST_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, AuditFilter.All, -1, null, cancel))));
        Assert.Equal("INVALID_ARGUMENT", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, new AuditFilter { Agency = new string('9', 129) }, 10, null, cancel))));
        Assert.Equal("INVALID_ARGUMENT", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, new AuditFilter { User = "a\u0000b" }, 10, null, cancel))));
        Assert.Equal("INVALID_ARGUMENT", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, new AuditFilter { Matter = "" }, 10, null, cancel))));
        Assert.Equal("PERIOD_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.RecordsAsync(AsAuditor, new AuditFilter { From = T0, Until = T0 }, 10, null, cancel))));
        foreach (var identifier in new[] { "", "   ", "3302 0019", new string('1', 65), "33020019900101123X\n" + "1" })
        {
            Assert.Equal("INVALID_ARGUMENT", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.SubjectHistoryAsync(AsAuditor, identifier, null, null, 10, null, cancel))));
        }

        Assert.Equal("PERIOD_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.UsageAsync(AsAuditor, new(2026, 3, 10), new(2026, 3, 10), null, cancel))));
        Assert.Equal("PERIOD_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.DenialsAsync(AsAuditor, new(2025, 1, 1), new(2026, 3, 10), null, cancel))));
        Assert.Equal("PERIOD_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.EvaluationAsync(AsAuditor, 99999, null, "json", cancel))));
        Assert.Equal("FORMAT_INVALID", Code(await Assert.ThrowsAsync<AuditReadingException>(() => reading.EvaluationAsync(AsAuditor, 2026, null, "xlsx", cancel))));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_subjects_history_is_found_by_its_identifier_in_any_spelling(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());
        var reading = Reading(audit, new MemoryTrail());
        var cancel = TestContext.Current.CancellationToken;

        foreach (var spelling in new[] { Person1, "33020019900101123x", "  33020019900101123x\t" })
        {
            var history = await reading.SubjectHistoryAsync(AsAuditor, spelling, null, null, 10, null, cancel);
            Assert.Equal(Subjects.Of(Person1), history.SubjectHash);
            Assert.Equal("r3,r1", Ids(history.Edges.Select(e => e.Access.Record)));
            var r1 = history.Edges[1].Access;
            Assert.Equal([BaseItems, MaritalRecords], r1.Resources);
            Assert.Equal([new SubjectGrant(MaritalRecords, Grant1)], r1.Grants);
            Assert.Equal(("ADMINISTRATIVE_BASIS", "330200-0001"), (r1.Record.Entry.Purpose, r1.Record.Entry.Matter));
            Assert.Equal([new SubjectGrant(MaritalRecords, Grant2)], history.Edges[0].Access.Grants);
            Assert.Equal(
                [
                    new SubjectReader(CivilAffairs, T0, T0, 1, [BaseItems, MaritalRecords]),
                    new SubjectReader(Taxation, T0.AddHours(2), T0.AddHours(2), 1, [MaritalRecords]),
                ],
                history.Agencies,
                (x, y) => x.Agency == y.Agency && x.First == y.First && x.Last == y.Last && x.Requests == y.Requests && x.Resources.SequenceEqual(y.Resources));
        }

        var paged = await reading.SubjectHistoryAsync(AsAuditor, Person2, null, null, 1, null, cancel);
        Assert.Equal("r5", Ids(paged.Edges.Select(e => e.Access.Record)));
        Assert.True(paged.HasNextPage);
        Assert.Single(paged.Agencies);
        Assert.Equal(2, paged.Agencies[0].Requests);
        var rest = await reading.SubjectHistoryAsync(AsAuditor, Person2, null, null, 1, paged.Edges[0].Cursor, cancel);
        Assert.Equal("r2", Ids(rest.Edges.Select(e => e.Access.Record)));
        Assert.Empty((await reading.SubjectHistoryAsync(AsAuditor, Person2, T0.AddDays(2), null, 10, null, cancel)).Edges);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Usage_is_counted_per_agency_resource_and_day_in_China_Standard_Time(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());
        // 23:30 UTC on 2026-03-10 is 07:30 on 2026-03-11 in Beijing.
        await audit.AddAsync([new MemoryTrail("gateway-c").Append(
            Access("late", Taxation, "zhao.lei", new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero), null, null, AuditOutcome.Served,
                [Field("Person.maritalStatus", MaritalRecords, FieldDecision.Allowed, grant: Grant2)], [Subject(Person1, MaritalRecords)]), "gateway-c")]);
        var reading = Reading(audit, new MemoryTrail());

        var rows = await reading.UsageAsync(AsAuditor, new(2026, 3, 10), new(2026, 3, 12), null, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                $"2026-03-10 {CivilAffairs} {BaseItems} requests=2 subjects=2 denied=0",
                $"2026-03-10 {CivilAffairs} {MaritalRecords} requests=1 subjects=1 denied=0",
                $"2026-03-10 {CivilAffairs} {Religion} requests=1 subjects=0 denied=1",
                $"2026-03-10 {Taxation} {MaritalRecords} requests=1 subjects=1 denied=0",
                $"2026-03-11 {CivilAffairs} {MaritalRecords} requests=1 subjects=1 denied=0",
                $"2026-03-11 {Taxation} {AnnualReports} requests=1 subjects=1 denied=0",
                $"2026-03-11 {Taxation} {MaritalRecords} requests=1 subjects=1 denied=0",
            ],
            rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Agency} {r.Resource} requests={r.Requests} subjects={r.DistinctSubjects} denied={r.FieldsDenied}"));
        var taxation = await reading.UsageAsync(AsAuditor, new(2026, 3, 10), new(2026, 3, 11), Taxation, TestContext.Current.CancellationToken);
        Assert.Equal([MaritalRecords], taxation.Select(r => r.Resource));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Denials_are_counted_per_agency_and_a_day_beyond_the_factor_times_the_median_is_flagged(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        var trail = new MemoryTrail();
        var day = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var person = 0;
        AuditedSubject[] People(int count) => [.. Enumerable.Range(0, count).Select(_ => Subject("3302001990" + (person++).ToString("D8", System.Globalization.CultureInfo.InvariantCulture), BaseItems))];
        for (var i = 30; i >= 1; i--)
        {
            trail.Append(Access("base" + i, CivilAffairs, "wang.fang", day.AddDays(-i), null, null, AuditOutcome.Served, [Field("Person.name", BaseItems, FieldDecision.Allowed)], People(2)), "gateway-a");
        }

        // The day itself: 25 people (the median is 2: more than 10 × 2) and 12 fields denied (the median is 0, counted as 1).
        trail.Append(Access("burst", CivilAffairs, "wang.fang", day, null, null, AuditOutcome.PartlyDenied,
            [Field("Person.name", BaseItems, FieldDecision.Allowed), .. Enumerable.Range(0, 12).Select(i => Field("Person.religion", Religion, FieldDecision.Denied, code: "RESOURCE_NOT_SHARED", path: $"people.{i}.religion"))],
            People(25)), "gateway-a");
        // The day after: 20 people, not more than 10 × 2; a refusal of another agency.
        trail.Append(Access("after", CivilAffairs, "wang.fang", day.AddDays(1), null, null, AuditOutcome.Served, [Field("Person.name", BaseItems, FieldDecision.Allowed)], People(20)), "gateway-a");
        trail.Append(Access("refused", Taxation, "zhao.lei", day.AddDays(1), null, null, AuditOutcome.Refused, [Field("Person.maritalStatus", MaritalRecords, FieldDecision.Denied, code: "GRANT_REQUIRED")], []), "gateway-a");
        trail.Append(Access("quiet", MarketSupervision, "qian.yu", day.AddDays(1), null, null, AuditOutcome.Served, [Field("Person.name", BaseItems, FieldDecision.Allowed)], People(3)), "gateway-a");
        await audit.AddAsync(trail.Records);
        var cancel = TestContext.Current.CancellationToken;

        var report = await Reading(audit, new MemoryTrail()).DenialsAsync(AsAuditor, new(2026, 5, 1), new(2026, 5, 3), null, cancel);

        Assert.Equal([CivilAffairs, Taxation], report.Select(r => r.Agency));
        var civil = report[0];
        Assert.Equal((12, 1, 0), (civil.DeniedFields, civil.RequestsWithDenials, civil.RefusedRequests));
        Assert.Equal([new NamedCount("RESOURCE_NOT_SHARED", 12)], civil.ByCode);
        Assert.Equal([new NamedCount(Religion, 12)], civil.ByResource);
        Assert.Equal(
            [
                new UnusualVolume(CivilAffairs, new(2026, 5, 1), UnusualVolumeRule.DistinctSubjects, 25, 2, 20),
                new UnusualVolume(CivilAffairs, new(2026, 5, 1), UnusualVolumeRule.DeniedFields, 12, 0, 10),
            ],
            civil.Flags);
        var taxation = report[1];
        Assert.Equal((1, 1, 1), (taxation.DeniedFields, taxation.RequestsWithDenials, taxation.RefusedRequests));
        Assert.Empty(taxation.Flags);

        // The factor is configurable: at 15 neither 25 people (threshold 30) nor 12 denials (threshold 15) is unusual.
        var lenient = await Reading(audit, new MemoryTrail(), factor: 15).DenialsAsync(AsAuditor, new(2026, 5, 1), new(2026, 5, 3), CivilAffairs, cancel);
        Assert.Empty(Assert.Single(lenient).Flags);
        // Outside the period nothing is counted, though the baseline before it is read.
        Assert.Empty(await Reading(audit, new MemoryTrail()).DenialsAsync(AsAuditor, new(2026, 4, 20), new(2026, 5, 1), null, cancel));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_yearly_evaluation_counts_what_each_agency_provides_and_uses(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());
        var reading = Reading(audit, new MemoryTrail());

        var evaluations = await reading.EvaluationAsync(AsAuditor, 2026, null, "graphql", TestContext.Current.CancellationToken);

        Assert.Equal([PublicSecurity, MarketSupervision, CivilAffairs, Taxation, BigDataBureau], evaluations.Select(e => e.Agency));
        Assert.Equal(
            [$"{BaseItems} 2/1/0", $"{MaritalRecords} 3/2/0", $"{Religion} 2/1/0", $"{OpenRecords} 1/1/1"],
            evaluations[0].Provided.Select(p => $"{p.Resource.Id} {p.Requests}/{p.RequestingAgencies}/{p.FailedRequests}"));
        Assert.Equal([$"{AnnualReports} 1/1/0"], evaluations[1].Provided.Select(p => $"{p.Resource.Id} {p.Requests}/{p.RequestingAgencies}/{p.FailedRequests}"));
        var civil = evaluations[2];
        Assert.Equal("宁波市民政局", civil.Name);
        Assert.Empty(civil.Provided);
        Assert.Equal((4, 2, 2), (civil.UsedRequests, civil.UsedDistinctSubjects, civil.UsedDeniedFields));
        Assert.Equal([BaseItems, MaritalRecords, Religion], civil.UsedResources);
        Assert.Equal([Grant1], civil.GrantsUsed);
        var taxation = evaluations[3];
        Assert.Equal((3, 2, 0), (taxation.UsedRequests, taxation.UsedDistinctSubjects, taxation.UsedDeniedFields));
        Assert.Equal([AnnualReports, MaritalRecords, OpenRecords], taxation.UsedResources);
        Assert.Equal([Grant2, Grant3], taxation.GrantsUsed);
        Assert.Equal(0, evaluations[0].UsedRequests);

        Assert.Empty((await reading.EvaluationAsync(AsAuditor, 2025, CivilAffairs, "json", TestContext.Current.CancellationToken)).Single().UsedResources);
    }

    internal static AuditReading Reading(AuditStore audit, MemoryTrail trail, double factor = 10, IAuditChainCheck? chain = null) => new(
        audit.Reader,
        trail,
        Subjects,
        AuditCursors.WithRandomKey(),
        new CurrentCatalogue(SharingWorld.Catalogue),
        new AuditReadingOptions { UnusualVolumeFactor = factor },
        TimeProvider.System,
        chain);

    private static void Refused(AuditReadingException refusal)
    {
        Assert.Equal("FORBIDDEN", Code(refusal));
        Assert.Equal(PlatformRoles.Auditor, refusal.Error.Extensions!["role"]);
    }

    private static string? Code(AuditReadingException exception) => exception.Error.Extensions?["code"] as string;

    private static string Detail(AuditEntry entry) => string.Join(";", entry.Detail.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
}
