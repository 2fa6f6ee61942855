using Federation.GraphQL;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Population.Domain;
using Federation.Subgraphs.Population.Store;

namespace Federation.Subgraphs.Population.Tests.Store;

/// <summary>A store under test, freshly seeded with <see cref="TestRegister"/>, and the change events it has published.</summary>
internal sealed class OpenedStore(IPopulationStore store, Func<Task<IReadOnlyList<ChangeEvent>>> events)
{
    public IPopulationStore Store => store;

    public Task<IReadOnlyList<ChangeEvent>> EventsAsync() => events();
}

/// <summary>
/// The behaviour both stores must share, run once against each: every test opens a store of its
/// own, seeded with the same 300-person demo register, and checks it against that register read
/// with plain LINQ.
/// </summary>
public abstract class StoreConformance
{
    private static readonly CancellationToken None = CancellationToken.None;

    private protected abstract Task<OpenedStore> OpenAsync();

    // ---- lookups -----------------------------------------------------------------------------

    [Fact]
    public async Task Persons_are_found_by_identity_number_and_unknown_numbers_are_left_out()
    {
        var opened = await OpenAsync();
        var wanted = TestRegister.Persons.Where((_, i) => i % 7 == 0).ToList();
        var unknown = TestRegister.UnknownIdNumber;
        Assert.DoesNotContain(TestRegister.Persons, p => p.IdNumber == unknown);

        var found = await opened.Store.PersonsAsync([.. wanted.Select(p => p.IdNumber), unknown], None);

        Assert.Equal(wanted.Count, found.Count);
        foreach (var person in wanted)
        {
            Assert.Equal(TestRegister.Text(person), TestRegister.Text(found[person.IdNumber]));
        }
    }

    [Fact]
    public async Task Households_are_found_by_number()
    {
        var opened = await OpenAsync();
        var wanted = TestRegister.Households.Where((_, i) => i % 5 == 0).ToList();

        var found = await opened.Store.HouseholdsAsync([.. wanted.Select(h => h.Number), "33020399999999"], None);

        Assert.Equal(wanted.Count, found.Count);
        foreach (var household in wanted)
        {
            Assert.Equal(TestRegister.Text(household), TestRegister.Text(found[household.Number]));
        }
    }

    [Fact]
    public async Task Members_of_many_households_come_at_once_head_first()
    {
        var opened = await OpenAsync();
        var numbers = TestRegister.Households.Take(30).Select(h => h.Number).ToList();

        var members = await opened.Store.MembersAsync(numbers, None);

        Assert.Equal(numbers.Count, members.Count);
        foreach (var household in TestRegister.Households.Take(30))
        {
            var expected = TestRegister.Persons.Where(p => p.HouseholdNumber == household.Number)
                .OrderBy(p => HouseholdRelations.Rank(p.RelationToHead)).ThenBy(p => p.BirthDate).ThenBy(p => p.IdNumber, StringComparer.Ordinal)
                .Select(p => p.IdNumber);
            Assert.Equal(expected, members[household.Number].Select(p => p.IdNumber));
            Assert.Equal(household.HeadIdNumber, members[household.Number][0].IdNumber);
            Assert.Equal(HouseholdRelations.Head, members[household.Number][0].RelationToHead);
        }
    }

    // ---- lists and filters ---------------------------------------------------------------------

    public static TheoryData<string> PersonFilterCases() => [.. PersonCases.Keys];

    [Theory]
    [MemberData(nameof(PersonFilterCases))]
    public async Task Persons_filtered_walk_page_by_page_in_identity_number_order(string filterCase)
    {
        var opened = await OpenAsync();
        var (filter, oracle) = PersonCases[filterCase];
        var expected = TestRegister.SortedIds(TestRegister.Persons.Where(oracle));

        var walked = await WalkAsync(after => opened.Store.ListPersonsAsync(filter, new PageRequest(7, after), None), p => p.IdNumber, expected.Count);

        Assert.Equal(expected, walked);
    }

    public static TheoryData<string> HouseholdFilterCases() => [.. HouseholdCases.Keys];

    [Theory]
    [MemberData(nameof(HouseholdFilterCases))]
    public async Task Households_filtered_walk_page_by_page_in_number_order(string filterCase)
    {
        var opened = await OpenAsync();
        var (filter, oracle) = HouseholdCases[filterCase];
        var expected = TestRegister.Households.Where(oracle).Select(h => h.Number).Order(StringComparer.Ordinal).ToList();

        var walked = await WalkAsync(after => opened.Store.ListHouseholdsAsync(filter, new PageRequest(9, after), None), h => h.Number, expected.Count);

        Assert.Equal(expected, walked);
    }

    [Fact]
    public async Task A_page_of_none_tells_the_count_and_whether_any_follow()
    {
        var opened = await OpenAsync();

        var page = await opened.Store.ListPersonsAsync(PersonFilter.All, new PageRequest(0, null), None);

        Assert.Empty(page.Items);
        Assert.True(page.HasNextPage);
        Assert.Equal(TestRegister.Size, page.TotalCount);
    }

    [Fact]
    public async Task After_the_last_person_the_page_is_empty()
    {
        var opened = await OpenAsync();
        var last = TestRegister.SortedIds(TestRegister.Persons)[^1];

        var page = await opened.Store.ListPersonsAsync(PersonFilter.All, new PageRequest(20, [last]), None);

        Assert.Empty(page.Items);
        Assert.False(page.HasNextPage);
        Assert.Equal(TestRegister.Size, page.TotalCount);
    }

    // ---- correctPerson -----------------------------------------------------------------------

    [Fact]
    public async Task Correcting_a_person_changes_only_the_given_fields_and_publishes_the_change()
    {
        var opened = await OpenAsync();
        var person = TestRegister.LivingAdult();
        var minority = person.EthnicityCode == "03" ? "04" : "03";
        var correction = new PersonCorrection(person.IdNumber, "Objection 2026-17: the name was misspelt")
        {
            ObjectionId = "OBJ-17",
            Name = person.Name + "明",
            FormerNames = new Optional<IReadOnlyList<string>?>(true, ["旧名"]),
            EthnicityCode = minority,
            Phone = new Optional<string?>(true, null),
            Education = person.Education,
        };

        var change = await opened.Store.CorrectPersonAsync(correction, None);

        Assert.Equal(["name", "formerNames", "ethnicity", "phone"], change.ChangedFields);
        var stored = (await opened.Store.PersonsAsync([person.IdNumber], None))[person.IdNumber];
        Assert.Equal(
            TestRegister.Text(person with { Name = person.Name + "明", FormerNames = ["旧名"], EthnicityCode = minority, Phone = null, UpdatedAt = TestRegister.Now }),
            TestRegister.Text(stored));
        Assert.Equal(TestRegister.Text(stored), TestRegister.Text(change.Person));
        var published = Assert.Single(await opened.EventsAsync());
        Assert.Equal(("population", "Person", person.IdNumber, "Objection 2026-17: the name was misspelt (objection OBJ-17)"), (published.Subgraph, published.Type, published.Key, published.Reason));
        Assert.Equal(change.ChangedFields, published.ChangedFields);
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_writes_nothing_and_publishes_nothing()
    {
        var opened = await OpenAsync();
        var person = TestRegister.LivingAdult(1);

        var change = await opened.Store.CorrectPersonAsync(new PersonCorrection(person.IdNumber, "Checked against the paper file") { Name = person.Name, Phone = person.Phone }, None);

        Assert.Empty(change.ChangedFields);
        Assert.Equal(TestRegister.Text(person), TestRegister.Text((await opened.Store.PersonsAsync([person.IdNumber], None))[person.IdNumber]));
        Assert.Empty(await opened.EventsAsync());
    }

    public static TheoryData<string> InvalidPersonCorrections() => [.. InvalidCorrections.Keys];

    [Theory]
    [MemberData(nameof(InvalidPersonCorrections))]
    public async Task An_invalid_correction_is_refused_whole(string invalidCase)
    {
        var opened = await OpenAsync();
        var person = TestRegister.LivingAdult(2);
        var (correction, messagePart) = InvalidCorrections[invalidCase];

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => opened.Store.CorrectPersonAsync(correction(person), None));

        Assert.Equal(PopulationErrorCodes.InvalidInput, refused.Error.Extensions?["code"]);
        Assert.Contains(messagePart, refused.Message, StringComparison.Ordinal);
        Assert.Equal(TestRegister.Text(person), TestRegister.Text((await opened.Store.PersonsAsync([person.IdNumber], None))[person.IdNumber]));
        Assert.Empty(await opened.EventsAsync());
    }

    [Fact]
    public async Task Correcting_an_unknown_person_is_not_found()
    {
        var opened = await OpenAsync();

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => opened.Store.CorrectPersonAsync(new PersonCorrection(TestRegister.UnknownIdNumber, "reason") { Name = "张三" }, None));

        Assert.Equal(PopulationErrorCodes.NotFound, refused.Error.Extensions?["code"]);
    }

    // ---- recordDeath -------------------------------------------------------------------------

    [Fact]
    public async Task Recording_a_death_makes_the_person_deceased_and_publishes_it()
    {
        var opened = await OpenAsync();
        var person = TestRegister.LivingAdult(3);
        var died = new DateOnly(2026, 11, 2);

        var change = await opened.Store.RecordDeathAsync(new DeathRecord(person.IdNumber, died, "Death certificate 3302-2026-0042"), None);

        Assert.Equal(["vitalStatus", "deathDate"], change.ChangedFields);
        var stored = (await opened.Store.PersonsAsync([person.IdNumber], None))[person.IdNumber];
        Assert.Equal((VitalStatuses.Deceased, (DateOnly?)died, TestRegister.Now), (stored.VitalStatus, stored.DeathDate, stored.UpdatedAt));
        var published = Assert.Single(await opened.EventsAsync());
        Assert.Equal(("Person", person.IdNumber), (published.Type, published.Key));
        Assert.Equal(["vitalStatus", "deathDate"], published.ChangedFields);
    }

    [Fact]
    public async Task A_second_death_is_refused()
    {
        var opened = await OpenAsync();
        var deceased = TestRegister.Persons.First(p => p.DeathDate is not null);

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => opened.Store.RecordDeathAsync(new DeathRecord(deceased.IdNumber, new DateOnly(2026, 1, 1), "certificate"), None));

        Assert.Equal(PopulationErrorCodes.AlreadyDeceased, refused.Error.Extensions?["code"]);
        Assert.Equal(TestRegister.Text(deceased), TestRegister.Text((await opened.Store.PersonsAsync([deceased.IdNumber], None))[deceased.IdNumber]));
        Assert.Empty(await opened.EventsAsync());
    }

    [Theory]
    [InlineData(-1, "before the birth")]
    [InlineData(2, "in the future")]
    public async Task A_death_before_birth_or_in_the_future_is_refused(int daysFromReference, string messagePart)
    {
        var opened = await OpenAsync();
        var person = TestRegister.LivingAdult(4);
        var today = RegisterRules.Today(TestRegister.Now);
        var date = daysFromReference < 0 ? person.BirthDate.AddDays(daysFromReference) : today.AddDays(daysFromReference);

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => opened.Store.RecordDeathAsync(new DeathRecord(person.IdNumber, date, "certificate"), None));

        Assert.Equal(PopulationErrorCodes.InvalidInput, refused.Error.Extensions?["code"]);
        Assert.Contains(messagePart, refused.Message, StringComparison.Ordinal);
        Assert.Null((await opened.Store.PersonsAsync([person.IdNumber], None))[person.IdNumber].DeathDate);
        Assert.Empty(await opened.EventsAsync());
    }

    // ---- correctHousehold --------------------------------------------------------------------

    [Fact]
    public async Task A_new_head_takes_over_and_the_former_head_takes_the_converse_relation()
    {
        var opened = await OpenAsync();
        var household = TestRegister.FamilyWithChildOrSpouse();
        var newHead = TestRegister.Persons.First(p => p.HouseholdNumber == household.Number && p.RelationToHead is HouseholdRelations.Child or HouseholdRelations.Spouse);
        var formerRelation = newHead.RelationToHead == HouseholdRelations.Child ? HouseholdRelations.Parent : HouseholdRelations.Spouse;

        var change = await opened.Store.CorrectHouseholdAsync(new HouseholdCorrection(household.Number, "Household head changed, application 88") { HeadIdNumber = newHead.IdNumber }, None);

        Assert.Equal(["head"], change.ChangedFields);
        var stored = (await opened.Store.HouseholdsAsync([household.Number], None))[household.Number];
        Assert.Equal((newHead.IdNumber, TestRegister.Now), (stored.HeadIdNumber, stored.UpdatedAt));
        var members = (await opened.Store.MembersAsync([household.Number], None))[household.Number];
        Assert.Equal((newHead.IdNumber, HouseholdRelations.Head), (members[0].IdNumber, members[0].RelationToHead));
        Assert.Equal(formerRelation, members.Single(m => m.IdNumber == household.HeadIdNumber).RelationToHead);
        var events = await opened.EventsAsync();
        Assert.Equal(
            [("Household", household.Number, "head"), ("Person", newHead.IdNumber, "relationToHead"), ("Person", household.HeadIdNumber!, "relationToHead")],
            events.Select(e => (e.Type, e.Key, string.Join(",", e.ChangedFields))).OrderBy(e => e.Type).ThenBy(e => e.Key == household.HeadIdNumber));
    }

    [Fact]
    public async Task A_corrected_address_becomes_every_members_registered_address()
    {
        var opened = await OpenAsync();
        var household = TestRegister.FamilyWithChildOrSpouse(1);
        var memberIds = TestRegister.Persons.Where(p => p.HouseholdNumber == household.Number).Select(p => p.IdNumber).ToList();
        var division = household.Division == "330212" ? "330213" : "330212";

        var change = await opened.Store.CorrectHouseholdAsync(
            new HouseholdCorrection(household.Number, "Renumbered street") { Address = "浙江省宁波市鄞州区新路1号", Division = division, Kind = household.Kind }, None);

        Assert.Equal(["address", "division"], change.ChangedFields);
        var members = await opened.Store.PersonsAsync(memberIds, None);
        Assert.All(members.Values, m => Assert.Equal(("浙江省宁波市鄞州区新路1号", division, TestRegister.Now), (m.RegisteredAddress, m.RegisteredDivision, m.UpdatedAt)));
        var events = await opened.EventsAsync();
        Assert.Equal(1 + memberIds.Count, events.Count);
        Assert.Equal(memberIds.Order(StringComparer.Ordinal), events.Where(e => e.Type == "Person").Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_head_from_outside_the_household_is_refused_and_nothing_changes()
    {
        var opened = await OpenAsync();
        var household = TestRegister.FamilyWithChildOrSpouse();
        var stranger = TestRegister.Persons.First(p => p.HouseholdNumber != household.Number);

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => opened.Store.CorrectHouseholdAsync(
            new HouseholdCorrection(household.Number, "reason") { HeadIdNumber = stranger.IdNumber, Address = "浙江省宁波市新地址1号" }, None));

        Assert.Equal(PopulationErrorCodes.InvalidInput, refused.Error.Extensions?["code"]);
        Assert.Contains("not a member", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TestRegister.Text(household), TestRegister.Text((await opened.Store.HouseholdsAsync([household.Number], None))[household.Number]));
        Assert.Empty(await opened.EventsAsync());
    }

    [Fact]
    public async Task Correcting_an_unknown_household_is_not_found()
    {
        var opened = await OpenAsync();

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => opened.Store.CorrectHouseholdAsync(new HouseholdCorrection("33020399999999", "reason") { Address = "x路1号" }, None));

        Assert.Equal(PopulationErrorCodes.NotFound, refused.Error.Extensions?["code"]);
    }

    [Fact]
    public async Task A_corrected_person_is_found_by_updated_since()
    {
        var opened = await OpenAsync();
        var person = TestRegister.LivingAdult(5);
        await opened.Store.CorrectPersonAsync(new PersonCorrection(person.IdNumber, "reason") { MaritalStatus = person.MaritalStatus == MaritalStatuses.Divorced ? MaritalStatuses.Married : MaritalStatuses.Divorced }, None);

        var page = await opened.Store.ListPersonsAsync(new PersonFilter { UpdatedSince = TestRegister.Now }, new PageRequest(10, null), None);

        Assert.Equal([person.IdNumber], page.Items.Select(p => p.IdNumber));
    }

    [Fact]
    public async Task The_store_is_ready_once_opened()
    {
        var opened = await OpenAsync();

        Assert.Null(await opened.Store.UnreadyReasonAsync(None));
    }

    // ---- cases -------------------------------------------------------------------------------

    private static async Task<List<string>> WalkAsync<T>(Func<string[]?, Task<Page<T>>> fetch, Func<T, string> keyOf, int expectedTotal)
    {
        var walked = new List<string>();
        string[]? after = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await fetch(after);
            Assert.Equal(expectedTotal, page.TotalCount);
            walked.AddRange(page.Items.Select(keyOf));
            Assert.Equal(walked.Count < expectedTotal, page.HasNextPage);
            if (!page.HasNextPage)
            {
                return walked;
            }

            after = [keyOf(page.Items[^1])];
        }

        throw new InvalidOperationException("The walk did not end.");
    }

    private static readonly Person First = TestRegister.Persons[0];

    private static readonly string Minority =
        TestRegister.Persons.FirstOrDefault(p => p.EthnicityCode != Ethnicity.HanCode)?.EthnicityCode ?? Ethnicity.HanCode;

    private static readonly Dictionary<string, (PersonFilter Filter, Func<Person, bool> Oracle)> PersonCases = new()
    {
        ["all"] = (PersonFilter.All, _ => true),
        ["name contains a surname"] = (new() { NameContains = First.Name[..1] }, p => p.Name.Contains(First.Name[..1], StringComparison.Ordinal)),
        ["name contains LIKE wildcards literally"] = (new() { NameContains = "%_" }, p => p.Name.Contains("%_", StringComparison.Ordinal)),
        ["registered in a county"] = (new() { RegisteredDivision = DivisionCode.Parse(First.RegisteredDivision) }, p => p.RegisteredDivision == First.RegisteredDivision),
        ["registered in the prefecture, its counties included"] = (new() { RegisteredDivision = DivisionCode.Parse("330200") }, p => p.RegisteredDivision.StartsWith("3302", StringComparison.Ordinal)),
        ["registered in the province"] = (new() { RegisteredDivision = DivisionCode.Parse("330000") }, p => p.RegisteredDivision.StartsWith("33", StringComparison.Ordinal)),
        ["registered in another prefecture"] = (new() { RegisteredDivision = DivisionCode.Parse("330100") }, p => p.RegisteredDivision.StartsWith("3301", StringComparison.Ordinal)),
        ["female"] = (new() { Gender = Genders.Female }, p => p.Gender == Genders.Female),
        ["of a minority"] = (new() { EthnicityCode = Minority }, p => p.EthnicityCode == Minority),
        ["born in a range"] = (new() { BornOnOrAfter = new DateOnly(1970, 1, 1), BornOnOrBefore = new DateOnly(1989, 12, 31) }, p => p.BirthDate.Year is >= 1970 and <= 1989),
        ["deceased"] = (new() { VitalStatus = VitalStatuses.Deceased }, p => p.DeathDate is not null),
        ["living"] = (new() { VitalStatus = VitalStatuses.Living }, p => p.DeathDate is null),
        ["married"] = (new() { MaritalStatus = MaritalStatuses.Married }, p => p.MaritalStatus == MaritalStatuses.Married),
        ["in a household"] = (new() { HouseholdNumber = TestRegister.Households[3].Number }, p => p.HouseholdNumber == TestRegister.Households[3].Number),
        ["updated since"] = (new() { UpdatedSince = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) }, p => p.UpdatedAt >= new DateTimeOffset(2021, 12, 31, 16, 0, 0, TimeSpan.Zero)),
        ["men born after 1960 in the city"] = (
            new() { Gender = Genders.Male, BornOnOrAfter = new DateOnly(1960, 1, 1), RegisteredDivision = DivisionCode.Parse("330200") },
            p => p.Gender == Genders.Male && p.BirthDate.Year >= 1960 && p.RegisteredDivision.StartsWith("3302", StringComparison.Ordinal)),
    };

    private static readonly Household FirstHousehold = TestRegister.Households[0];

    private static readonly Dictionary<string, (HouseholdFilter Filter, Func<Household, bool> Oracle)> HouseholdCases = new()
    {
        ["all"] = (HouseholdFilter.All, _ => true),
        ["in a county"] = (new() { Division = DivisionCode.Parse(FirstHousehold.Division) }, h => h.Division == FirstHousehold.Division),
        ["in the prefecture"] = (new() { Division = DivisionCode.Parse("330200") }, h => h.Division.StartsWith("3302", StringComparison.Ordinal)),
        ["collective"] = (new() { Kind = HouseholdKinds.Collective }, h => h.Kind == HouseholdKinds.Collective),
        ["family"] = (new() { Kind = HouseholdKinds.Family }, h => h.Kind == HouseholdKinds.Family),
        ["headed by a person"] = (new() { HeadIdNumber = FirstHousehold.HeadIdNumber }, h => h.HeadIdNumber == FirstHousehold.HeadIdNumber),
        ["updated since"] = (new() { UpdatedSince = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero) }, h => h.UpdatedAt >= new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private static readonly Dictionary<string, (Func<Person, PersonCorrection> Correction, string MessagePart)> InvalidCorrections = new()
    {
        ["an ethnicity outside GB/T 3304"] = (p => new PersonCorrection(p.IdNumber, "reason") { Name = "新名", EthnicityCode = "99" }, "GB/T 3304"),
        ["a birth date in the future"] = (p => new PersonCorrection(p.IdNumber, "reason") { BirthDate = new DateOnly(2027, 1, 1) }, "in the future"),
        ["a required field cleared"] = (p => new PersonCorrection(p.IdNumber, "reason") { Phone = "13800000000", Name = new Optional<string?>(true, null) }, "name cannot be cleared"),
        ["an empty name"] = (p => new PersonCorrection(p.IdNumber, "reason") { Name = "  " }, "name cannot be empty"),
        ["no reason"] = (p => new PersonCorrection(p.IdNumber, " ") { Name = "新名" }, "reason must name"),
        ["a phone that is not a number"] = (p => new PersonCorrection(p.IdNumber, "reason") { Phone = "call me" }, "not a telephone number"),
    };
}
