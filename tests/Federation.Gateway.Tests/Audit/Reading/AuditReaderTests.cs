using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using static Federation.Gateway.Tests.Audit.Reading.AuditFixture;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>The two readers — PostgreSQL and enumerated spool records — over the same records give the same answers.</summary>
public sealed class AuditReaderTests
{
    public static readonly TheoryData<string> Stores = AuditStore.Kinds;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Each_filter_selects_the_records_it_names_newest_first(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());

        async Task<string> Read(AuditFilter filter) => Ids(await audit.Reader.PageAsync(filter, null, 500, TestContext.Current.CancellationToken));

        Assert.Equal("r8,r7,r6,r5,r4,r3,r2,r1", await Read(AuditFilter.All));
        Assert.Equal("r8,r5,r2,r1", await Read(new AuditFilter { Agency = CivilAffairs }));
        Assert.Equal("r6,r4,r3", await Read(new AuditFilter { User = "zhao.lei" }));
        Assert.Equal("r5,r3,r1", await Read(new AuditFilter { Resource = MaritalRecords }));
        Assert.Equal("r2,r1", await Read(new AuditFilter { Resource = BaseItems }));
        Assert.Equal("r3,r1", await Read(new AuditFilter { Subject = Subjects.Of(Person1) }));
        Assert.Equal("r4", await Read(new AuditFilter { Subject = Subjects.Of(Company1) }));
        Assert.Equal("", await Read(new AuditFilter { Subject = Subjects.Of("110101199003070000") }));
        Assert.Equal("r8,r2", await Read(new AuditFilter { Decision = FieldDecision.Denied }));
        Assert.Equal("r1", await Read(new AuditFilter { Decision = FieldDecision.AllowedWithinDivision }));
        Assert.Equal("r5", await Read(new AuditFilter { Decision = FieldDecision.DryRunDenied }));
        Assert.Equal("r5,r1", await Read(new AuditFilter { Purpose = "ADMINISTRATIVE_BASIS" }));
        Assert.Equal("r1", await Read(new AuditFilter { Matter = "330200-0001" }));
        Assert.Equal("r5,r4", await Read(new AuditFilter { From = T0.AddDays(1), Until = T0.AddDays(2) }));
        Assert.Equal("r8,r7,r6", await Read(new AuditFilter { From = T0.AddDays(2) }));
        Assert.Equal("r2,r1", await Read(new AuditFilter { Until = T0.AddHours(2) }));
        Assert.Equal("r7", await Read(new AuditFilter { Kind = AuditKind.ShareEvent }));
        Assert.Equal("r7", await Read(new AuditFilter { Event = "SHARE_APPLICATION_APPROVED" }));
        Assert.Equal("r8,r6,r5,r4,r3,r2,r1", await Read(new AuditFilter { Kind = AuditKind.Access }));
        Assert.Equal("r6,r4,r3", await Read(new AuditFilter { Agency = Taxation, Decision = FieldDecision.Allowed }));
        Assert.Equal("", await Read(new AuditFilter { Agency = Taxation, Decision = FieldDecision.Denied }));
        // Values are compared as they are: no pattern, no case folding, no injection.
        Assert.Equal("", await Read(new AuditFilter { Agency = "%" }));
        Assert.Equal("", await Read(new AuditFilter { User = "' OR '1'='1" }));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_scan_gives_the_matching_records_oldest_first(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        await audit.AddAsync(Records());

        var found = new List<ChainedRecord>();
        await foreach (var record in audit.Reader.ScanAsync(new AuditFilter { Kind = AuditKind.Access, From = T0.AddHours(1) }, TestContext.Current.CancellationToken))
        {
            found.Add(record);
        }

        Assert.Equal("r2,r3,r4,r5,r6,r8", Ids(found));
        // The record read back is the one stored: its body, chain hashes and entry.
        var stored = Records().Single(r => r.Entry.RequestId == "r4");
        var read = found.Single(r => r.Entry.RequestId == "r4");
        Assert.Equal((stored.Instance, stored.Sequence), (read.Instance, read.Sequence));
        Assert.Equal(stored.Body.ToArray(), read.Body.ToArray());
        Assert.Equal(stored.Hash.ToArray(), read.Hash.ToArray());
        Assert.Equal(stored.PreviousHash.ToArray(), read.PreviousHash.ToArray());
        AuditEntries.AssertEqual(stored.Entry, read.Entry);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Pages_cover_every_record_once_in_order_across_instances_and_equal_times(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        var trail = new MemoryTrail();
        for (var i = 0; i < 57; i++)
        {
            // Four records share each time, on three instances: the order must break ties by instance and sequence.
            trail.Append(Access("p" + i, CivilAffairs, "u", T0.AddSeconds(i / 4).AddTicks(7), null, null, AuditOutcome.Served, [], []), "gateway-" + (char)('a' + (i % 3)));
        }

        await audit.AddAsync(trail.Records);
        var expected = trail.Records.OrderByDescending(AuditPosition.Of).Select(r => r.Entry.RequestId).ToList();

        var read = new List<string?>();
        AuditPosition? after = null;
        while (true)
        {
            var page = await audit.Reader.PageAsync(AuditFilter.All, after, 10, TestContext.Current.CancellationToken);
            read.AddRange(page.Select(r => r.Entry.RequestId));
            if (page.Count < 10)
            {
                break;
            }

            after = AuditPosition.Of(page[^1]);
        }

        Assert.Equal(expected, read);
        Assert.Equal(57, read.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Records_added_while_paging_neither_repeat_nor_hide_the_records_paged_through(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        var trail = new MemoryTrail();
        for (var i = 0; i < 30; i++)
        {
            trail.Append(Access("o" + i, CivilAffairs, "u", T0.AddSeconds(i), null, null, AuditOutcome.Served, [], []), "gateway-a");
        }

        await audit.AddAsync(trail.Records);
        var originals = trail.Records.OrderByDescending(AuditPosition.Of).Select(r => r.Entry.RequestId).ToList();

        var read = new List<string?>();
        AuditPosition? after = null;
        var round = 0;
        while (true)
        {
            var page = await audit.Reader.PageAsync(new AuditFilter { Agency = CivilAffairs }, after, 7, TestContext.Current.CancellationToken);
            read.AddRange(page.Select(r => r.Entry.RequestId));
            if (page.Count < 7)
            {
                break;
            }

            after = AuditPosition.Of(page[^1]);
            // Between pages, the trail goes on: newer records on this instance and another.
            round++;
            await audit.AddAsync(
            [
                trail.Append(Access("n" + round, CivilAffairs, "u", T0.AddMinutes(10 + round), null, null, AuditOutcome.Served, [], []), "gateway-a"),
                trail.Append(Access("m" + round, CivilAffairs, "u", T0.AddMinutes(10 + round), null, null, AuditOutcome.Served, [], []), "gateway-b"),
            ]);
        }

        Assert.Equal(originals, read);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_page_after_the_last_record_is_empty_and_limits_are_kept(string store)
    {
        await using var audit = await AuditStore.CreateAsync(store);
        var records = Records();
        await audit.AddAsync(records);

        var oldest = records.MinBy(AuditPosition.Of)!;
        Assert.Empty(await audit.Reader.PageAsync(AuditFilter.All, AuditPosition.Of(oldest), 10, TestContext.Current.CancellationToken));
        Assert.Equal("r8,r7,r6", Ids(await audit.Reader.PageAsync(AuditFilter.All, null, 3, TestContext.Current.CancellationToken)));
        var r4 = records.Single(r => r.Entry.RequestId == "r4");
        Assert.Equal("r3,r2", Ids(await audit.Reader.PageAsync(AuditFilter.All, AuditPosition.Of(r4), 2, TestContext.Current.CancellationToken)));
    }
}
