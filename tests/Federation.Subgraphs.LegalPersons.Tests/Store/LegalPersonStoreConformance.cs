using Federation.GraphQL;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons.Tests.Store;

public sealed class InMemoryStoreTests(InMemoryRegisters registers) : LegalPersonStoreConformance<InMemoryRegisters>(registers);

public sealed class PostgresStoreTests(PostgresRegisters registers) : LegalPersonStoreConformance<PostgresRegisters>(registers);

/// <summary>The cases every legal-person store passes: the in-memory store and the PostgreSQL store alike.</summary>
public abstract class LegalPersonStoreConformance<TRegisters>(TRegisters registers) : IClassFixture<TRegisters>
    where TRegisters : Registers
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly DateTimeOffset Corrected = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private ILegalPersonStore Store => registers.Shared.Store;

    public static TheoryData<string> Filters() =>
    [
        "nameContains", "kinds", "statuses", "county", "prefecture", "province", "industrySection", "industryDivision", "industryClass",
        "establishedRange", "legalRepresentative", "updatedSince", "combined", "noMatch",
    ];

    [Fact]
    public async Task Every_seeded_legal_person_is_found_as_seeded()
    {
        var codes = SeededRegister.LegalPersons.Select(l => l.CreditCode).ToList();

        var found = await Store.FindAsync(codes, None);

        Assert.Equal(codes.Count, found.Count);
        foreach (var seeded in SeededRegister.LegalPersons)
        {
            Assert.Equal(SeededRegister.Describe(seeded), SeededRegister.Describe(found[seeded.CreditCode]));
        }
    }

    [Fact]
    public async Task A_credit_code_the_register_does_not_hold_is_left_out()
    {
        var held = SeededRegister.LegalPersons.First().CreditCode;

        var found = await Store.FindAsync([held, UnknownCreditCode], None);

        Assert.Equal([held], found.Keys);
    }

    [Fact]
    public async Task Walking_every_page_gives_each_legal_person_once_in_credit_code_order()
    {
        var seen = await WalkAsync(LegalPersonFilter.All, 7);

        Assert.Equal(SeededRegister.OrderedCodes(_ => true), seen);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_lists_exactly_the_legal_persons_it_describes(string name)
    {
        var (filter, expected) = FilterCase(name);

        var seen = await WalkAsync(filter, 5);

        Assert.Equal(SeededRegister.OrderedCodes(expected), seen);
    }

    [Fact]
    public async Task A_page_after_the_last_legal_person_is_empty()
    {
        var last = SeededRegister.OrderedCodes(_ => true)[^1];

        var page = await Store.ListAsync(LegalPersonFilter.All, PageRequest.Create(10, [last]), None);

        Assert.Empty(page.Items);
        Assert.False(page.HasNextPage);
        Assert.Equal(SeededRegister.Files.Count, page.TotalCount);
    }

    [Fact]
    public async Task The_legal_persons_of_many_representatives_come_in_one_call()
    {
        var representatives = SeededRegister.LegalPersons.Select(l => l.RepresentativeIdNumber).OfType<string>().Distinct().ToList();
        const string nobody = "110101199003070000";

        var pages = await Store.RepresentedAsync([.. representatives, nobody], null, null, PageRequest.Create(100, null), None);

        foreach (var idNumber in representatives)
        {
            var expected = SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == idNumber);
            Assert.Equal(expected, pages[idNumber].Items.Select(l => l.CreditCode));
            Assert.Equal(expected.Count, pages[idNumber].TotalCount);
        }

        Assert.Empty(pages[nobody].Items);
        Assert.Equal(0, pages[nobody].TotalCount);
    }

    [Fact]
    public async Task Represented_legal_persons_in_a_callers_division_are_all_that_is_found_and_counted()
    {
        // Whom a person represents is division-scoped: a district caller sees, counts and pages its district's only.
        var representative = SeededRegister.LegalPersons.Where(l => l.RepresentativeIdNumber is not null)
            .GroupBy(l => l.RepresentativeIdNumber!)
            .OrderByDescending(g => g.Select(l => l.DivisionCode).Distinct().Count())
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        var person = representative.Key;
        var county = representative.GroupBy(l => l.DivisionCode).OrderByDescending(d => d.Count()).ThenBy(d => d.Key, StringComparer.Ordinal).First().Key;
        var elsewhere = SeededRegister.LegalPersons.Select(l => l.DivisionCode).Where(d => d.StartsWith("3302", StringComparison.Ordinal))
            .Except(representative.Select(l => l.DivisionCode)).Order(StringComparer.Ordinal).First();
        var within = SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == person && l.DivisionCode == county);

        var page = await Store.RepresentedAsync([person], null, county, PageRequest.Create(1, null), None);
        var city = await Store.RepresentedAsync([person], null, county[..4], PageRequest.Create(100, null), None);
        var listed = await Store.ListAsync(new LegalPersonFilter { LegalRepresentative = person, CallerDivisionPrefix = county }, PageRequest.Create(100, null), None);
        var none = await Store.RepresentedAsync([person], null, elsewhere, PageRequest.Create(100, null), None);
        var noneListed = await Store.ListAsync(new LegalPersonFilter { LegalRepresentative = person, CallerDivisionPrefix = elsewhere }, PageRequest.Create(100, null), None);

        Assert.Equal(within.Take(1), page[person].Items.Select(l => l.CreditCode));
        Assert.Equal(within.Count, page[person].TotalCount);
        Assert.Equal(within.Count > 1, page[person].HasNextPage);
        Assert.Equal(SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == person && l.DivisionCode.StartsWith(county[..4], StringComparison.Ordinal)), city[person].Items.Select(l => l.CreditCode));
        Assert.Equal(within, listed.Items.Select(l => l.CreditCode));
        Assert.Equal(within.Count, listed.TotalCount);
        Assert.Equal((0, 0, false), (none[person].Items.Count, none[person].TotalCount, none[person].HasNextPage));
        Assert.Equal((0, 0), (noneListed.Items.Count, noneListed.TotalCount));
    }

    [Fact]
    public async Task Represented_legal_persons_page_by_cursor_and_filter_by_status()
    {
        var busiest = SeededRegister.LegalPersons.Where(l => l.RepresentativeIdNumber is not null)
            .GroupBy(l => l.RepresentativeIdNumber!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.True(busiest.Count() >= 2, "the seed has a person representing two legal persons");
        var all = SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == busiest.Key);

        var first = await Store.RepresentedAsync([busiest.Key], null, null, PageRequest.Create(1, null), None);
        var second = await Store.RepresentedAsync([busiest.Key], null, null, PageRequest.Create(1, [all[0]]), None);
        var active = await Store.RepresentedAsync([busiest.Key], [LegalPersonStatus.Active], null, PageRequest.Create(100, null), None);

        Assert.Equal([all[0]], first[busiest.Key].Items.Select(l => l.CreditCode));
        Assert.True(first[busiest.Key].HasNextPage);
        Assert.Equal([all[1]], second[busiest.Key].Items.Select(l => l.CreditCode));
        Assert.Equal(SeededRegister.OrderedCodes(l => l.RepresentativeIdNumber == busiest.Key && l.Status == LegalPersonStatus.Active), active[busiest.Key].Items.Select(l => l.CreditCode));
    }

    [Fact]
    public async Task Shareholders_of_a_batch_come_in_register_order()
    {
        var codes = SeededRegister.Files.Select(f => f.LegalPerson.CreditCode).ToList();

        var lists = await Store.ShareholdersAsync([.. codes, UnknownCreditCode], None);

        Assert.Contains(SeededRegister.Files, f => f.Shareholders.Count > 1);
        foreach (var file in SeededRegister.Files)
        {
            Assert.Equal(file.Shareholders.Select(SeededRegister.Describe), lists[file.LegalPerson.CreditCode].Select(SeededRegister.Describe));
        }

        Assert.Empty(lists[UnknownCreditCode]);
    }

    [Fact]
    public async Task Annual_reports_of_a_batch_come_newest_first()
    {
        var codes = SeededRegister.Files.Select(f => f.LegalPerson.CreditCode).ToList();

        var lists = await Store.AnnualReportsAsync(codes, None);

        Assert.Contains(SeededRegister.Files, f => f.AnnualReports.Count > 1);
        foreach (var file in SeededRegister.Files)
        {
            Assert.Equal(file.AnnualReports.OrderByDescending(r => r.Year).Select(SeededRegister.Describe), lists[file.LegalPerson.CreditCode].Select(SeededRegister.Describe));
        }
    }

    [Fact]
    public async Task A_correction_changes_the_given_fields_and_publishes_one_event()
    {
        await using var register = await registers.CreateAsync();
        var before = Enterprise(l => l.Status == LegalPersonStatus.Active);
        var correction = new LegalPersonCorrection(before.CreditCode, "objection upheld", "OBJ-1")
        {
            Name = "宁波更正后科技有限公司",
            Status = LegalPersonStatus.Suspended,
            RegisteredCapital = new Money(1234567.5m, "CNY"),
            BusinessScope = before.BusinessScope,
        };

        var result = await register.Store.CorrectAsync(correction, None);
        var after = (await register.Store.FindAsync([before.CreditCode], None))[before.CreditCode];
        var events = await register.PublishedAsync();

        Assert.Equal(["name", "formerNames", "status", "registeredCapital", "updatedAt"], result.ChangedFields);
        Assert.Equal("宁波更正后科技有限公司", after.Name);
        Assert.Equal([.. before.FormerNames, before.Name], after.FormerNames);
        Assert.Equal(LegalPersonStatus.Suspended, after.Status);
        Assert.Equal("1234567.50", after.RegisteredCapital!.Amount);
        Assert.True(after.UpdatedAt > before.UpdatedAt);
        Assert.Equal(SeededRegister.Describe(result.LegalPerson), SeededRegister.Describe(after));
        var change = Assert.Single(events);
        Assert.Equal(("legal-persons", "LegalPerson", before.CreditCode), (change.Subgraph, change.Type, change.Key));
        Assert.Equal(result.ChangedFields, change.ChangedFields);
        Assert.Equal("objection upheld (objection OBJ-1)", change.Reason);
    }

    [Fact]
    public async Task A_correction_can_clear_nullable_fields()
    {
        await using var register = await registers.CreateAsync();
        var before = Enterprise(l => l.RepresentativeIdNumber is not null && l.OperatingUntil is not null);

        var result = await register.Store.CorrectAsync(
            new LegalPersonCorrection(before.CreditCode, "cleared", null) { LegalRepresentative = (string?)null, OperatingUntil = (DateOnly?)null, IndustryCode = (string?)null },
            None);
        var after = (await register.Store.FindAsync([before.CreditCode], None))[before.CreditCode];

        Assert.Equal(["legalRepresentative", "operatingPeriod", "industry", "updatedAt"], result.ChangedFields);
        Assert.Null(after.RepresentativeIdNumber);
        Assert.Null(after.OperatingUntil);
        Assert.Equal(before.OperatingFrom, after.OperatingFrom);
        Assert.Null(after.IndustryCode);
        var page = await register.Store.RepresentedAsync([before.RepresentativeIdNumber!], null, null, PageRequest.Create(100, null), None);
        Assert.DoesNotContain(before.CreditCode, page[before.RepresentativeIdNumber!].Items.Select(l => l.CreditCode));
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_publishes_nothing()
    {
        await using var register = await registers.CreateAsync();
        var before = Enterprise(_ => true);

        var result = await register.Store.CorrectAsync(new LegalPersonCorrection(before.CreditCode, "checked", null) { Name = before.Name, Kind = before.Kind }, None);
        var after = (await register.Store.FindAsync([before.CreditCode], None))[before.CreditCode];

        Assert.Empty(result.ChangedFields);
        Assert.Equal(SeededRegister.Describe(before), SeededRegister.Describe(after));
        Assert.Empty(await register.PublishedAsync());
    }

    [Fact]
    public async Task A_correction_that_breaks_a_rule_changes_nothing()
    {
        await using var register = await registers.CreateAsync();
        var before = Enterprise(l => l.OperatingFrom is not null);

        var error = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectAsync(
            new LegalPersonCorrection(before.CreditCode, "typo", null) { Name = "宁波不应保存有限公司", OperatingUntil = before.OperatingFrom!.Value.AddDays(-1) },
            None));
        var after = (await register.Store.FindAsync([before.CreditCode], None))[before.CreditCode];

        Assert.Equal(LegalPersonErrorCodes.InvalidInput, error.Error.Extensions!["code"]);
        Assert.Equal(SeededRegister.Describe(before), SeededRegister.Describe(after));
        Assert.Empty(await register.PublishedAsync());
    }

    [Fact]
    public async Task A_correction_of_an_unknown_legal_person_is_not_found()
    {
        await using var register = await registers.CreateAsync();

        var error = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectAsync(new LegalPersonCorrection(UnknownCreditCode, "typo", null) { Name = "x" }, None));
        var shareholders = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectShareholdersAsync(new ShareholdersCorrection(UnknownCreditCode, "typo", null, []), None));

        Assert.Equal(LegalPersonErrorCodes.NotFound, error.Error.Extensions!["code"]);
        Assert.Equal(LegalPersonErrorCodes.NotFound, shareholders.Error.Extensions!["code"]);
        Assert.Empty(await register.PublishedAsync());
    }

    [Fact]
    public async Task A_corrected_list_of_shareholders_replaces_the_old_one_and_publishes_one_event()
    {
        await using var register = await registers.CreateAsync();
        var before = Enterprise(_ => true);
        var person = SeededRegister.World.Person(3);
        var holder = SeededRegister.LegalPersons.First(l => l.CreditCode != before.CreditCode);
        Shareholding[] stakes =
        [
            new(person.IdNumber, null, person.Name, new Money(600000m, "CNY"), new Money(300000m, "CNY"), 60),
            new(null, holder.CreditCode, holder.Name, new Money(300000m, "CNY"), null, 30),
            new(null, null, "Harbourside Holdings Limited", null, null, 10),
        ];

        var result = await register.Store.CorrectShareholdersAsync(new ShareholdersCorrection(before.CreditCode, "share transfer registered", null, stakes), None);
        var after = (await register.Store.ShareholdersAsync([before.CreditCode], None))[before.CreditCode];
        var since = await register.Store.ListAsync(new LegalPersonFilter { UpdatedSince = result.LegalPerson.UpdatedAt }, PageRequest.Create(100, null), None);

        Assert.Equal(["shareholders", "updatedAt"], result.ChangedFields);
        Assert.Equal(stakes.Select(SeededRegister.Describe), after.Select(SeededRegister.Describe));
        Assert.Contains(before.CreditCode, since.Items.Select(l => l.CreditCode));
        var change = Assert.Single(await register.PublishedAsync());
        Assert.Equal(("LegalPerson", before.CreditCode, "share transfer registered"), (change.Type, change.Key, change.Reason));
    }

    [Fact]
    public async Task The_register_counts_its_legal_persons()
    {
        Assert.Equal(SeededRegister.Files.Count, await Store.CountAsync(None));
        await Store.CheckAsync(None);
    }

    private const string UnknownCreditCode = "91330200MA2AAAAAA0";

    private static LegalPerson Enterprise(Func<LegalPerson, bool> where) =>
        SeededRegister.LegalPersons.Where(l => l.Kind == LegalPersonKind.Enterprise && where(l)).OrderBy(l => l.CreditCode, StringComparer.Ordinal).First();

    private async Task<List<string>> WalkAsync(LegalPersonFilter filter, int pageSize)
    {
        var seen = new List<string>();
        string[]? after = null;
        var expectedTotal = -1;
        while (true)
        {
            var page = await Store.ListAsync(filter, PageRequest.Create(pageSize, after), None);
            Assert.True(expectedTotal < 0 || page.TotalCount == expectedTotal, "the total stays the same on every page");
            expectedTotal = page.TotalCount;
            seen.AddRange(page.Items.Select(l => l.CreditCode));
            if (!page.HasNextPage)
            {
                break;
            }

            Assert.Equal(pageSize, page.Items.Count);
            after = [page.Items[^1].CreditCode];
        }

        Assert.Equal(seen.Count, expectedTotal);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        return seen;
    }

    private static (LegalPersonFilter Filter, Func<LegalPerson, bool> Expected) FilterCase(string name)
    {
        var sample = SeededRegister.LegalPersons.First(l => l.Kind == LegalPersonKind.Enterprise && l.RepresentativeIdNumber is not null);
        var county = sample.DivisionCode;
        var since = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var from = new DateOnly(2000, 1, 1);
        var until = new DateOnly(2010, 12, 31);
        return name switch
        {
            "nameContains" => (new LegalPersonFilter { NameContains = "机械" }, l => l.Name.Contains("机械", StringComparison.Ordinal)),
            "kinds" => (new LegalPersonFilter { Kinds = [LegalPersonKind.SocialOrganisation, LegalPersonKind.Other] }, l => l.Kind is LegalPersonKind.SocialOrganisation or LegalPersonKind.Other),
            "statuses" => (new LegalPersonFilter { Statuses = [LegalPersonStatus.Revoked, LegalPersonStatus.Deregistered] }, l => l.Status is LegalPersonStatus.Revoked or LegalPersonStatus.Deregistered),
            "county" => (new LegalPersonFilter { DivisionPrefix = county }, l => l.DivisionCode == county),
            "prefecture" => (new LegalPersonFilter { DivisionPrefix = "3302" }, l => l.DivisionCode.StartsWith("3302", StringComparison.Ordinal)),
            "province" => (new LegalPersonFilter { DivisionPrefix = "33" }, _ => true),
            "industrySection" => (new LegalPersonFilter { IndustryCodePrefix = "C" }, l => l.IndustryCode?[0] == 'C'),
            "industryDivision" => (new LegalPersonFilter { IndustryCodePrefix = "S92" }, l => l.IndustryCode?.StartsWith("S92", StringComparison.Ordinal) == true),
            "industryClass" => (new LegalPersonFilter { IndustryCodePrefix = sample.IndustryCode }, l => l.IndustryCode == sample.IndustryCode),
            "establishedRange" => (new LegalPersonFilter { EstablishedOnOrAfter = from, EstablishedOnOrBefore = until }, l => l.EstablishedOn >= from && l.EstablishedOn <= until),
            "legalRepresentative" => (new LegalPersonFilter { LegalRepresentative = sample.RepresentativeIdNumber }, l => l.RepresentativeIdNumber == sample.RepresentativeIdNumber),
            "updatedSince" => (new LegalPersonFilter { UpdatedSince = since }, l => l.UpdatedAt >= since),
            "combined" => (
                new LegalPersonFilter { Kinds = [LegalPersonKind.Enterprise], Statuses = [LegalPersonStatus.Active], DivisionPrefix = county, EstablishedOnOrAfter = from },
                l => l.Kind == LegalPersonKind.Enterprise && l.Status == LegalPersonStatus.Active && l.DivisionCode == county && l.EstablishedOn >= from),
            "noMatch" => (new LegalPersonFilter { Kinds = [] }, _ => false),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
