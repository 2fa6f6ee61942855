using System.Text.RegularExpressions;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Population.Domain;
using Federation.Subgraphs.Population.Seeding;

namespace Federation.Subgraphs.Population.Tests.Seeding;

/// <summary>The seed agrees with the demo world's cores and with itself.</summary>
public sealed partial class PopulationSeedTests
{
    private static readonly DemoWorld World = new(10_000);
    private static readonly IReadOnlyList<Person> Persons = [.. PopulationSeed.Persons(World)];
    private static readonly IReadOnlyList<Household> Households = [.. PopulationSeed.Households(World)];
    private static readonly Dictionary<string, Household> HouseholdByNumber = Households.ToDictionary(h => h.Number);

    [Fact]
    public void The_seed_is_the_same_every_time()
    {
        var again = PopulationSeed.Persons(new DemoWorld(10_000)).Select(TestRegister.Text);

        Assert.Equal(Persons.Select(TestRegister.Text), again);
    }

    [Fact]
    public void Every_person_is_the_world_core_person_with_that_index()
    {
        Assert.Equal(World.PersonCount, Persons.Count);
        for (var i = 0; i < Persons.Count; i += 97)
        {
            var core = World.Person(i);
            var person = Persons[i];
            Assert.Equal((core.IdNumber, core.Name, core.BirthDate, core.DeathDate), (person.IdNumber, person.Name, person.BirthDate, person.DeathDate));
            Assert.Equal(World.HouseholdOf(i).Number, person.HouseholdNumber);
        }
    }

    [Fact]
    public void Birth_date_and_gender_are_those_the_identity_number_carries()
    {
        Assert.All(Persons, p =>
        {
            var idNumber = IdNumber.Parse(p.IdNumber);
            Assert.Equal(idNumber.BirthDate, p.BirthDate);
            Assert.Equal(idNumber.IsMale ? Genders.Male : Genders.Female, p.Gender);
        });
    }

    [Fact]
    public void The_registered_address_is_the_household_address()
    {
        Assert.All(Persons, p =>
        {
            var household = HouseholdByNumber[p.HouseholdNumber!];
            Assert.Equal((household.Address, household.Division), (p.RegisteredAddress, p.RegisteredDivision));
        });
        Assert.All(Households, h => Assert.StartsWith("3302", h.Division, StringComparison.Ordinal));
    }

    [Fact]
    public void Most_live_where_they_are_registered_and_some_elsewhere()
    {
        var atHome = Persons.Count(p => p.ResidenceAddress == p.RegisteredAddress);
        var elsewhere = Persons.Count(p => p.ResidenceAddress is not null && p.ResidenceAddress != p.RegisteredAddress);

        Assert.InRange(atHome, Persons.Count * 70 / 100, Persons.Count * 90 / 100);
        Assert.InRange(elsewhere, Persons.Count * 5 / 100, Persons.Count * 25 / 100);
        Assert.All(Persons.Where(p => p.ResidenceAddressId is not null), p => Assert.NotNull(p.ResidenceAddress));
    }

    [Fact]
    public void Every_household_has_its_head_among_its_members()
    {
        var members = Persons.ToLookup(p => p.HouseholdNumber!);
        Assert.All(Households, h =>
        {
            var head = Assert.Single(members[h.Number], p => p.RelationToHead == HouseholdRelations.Head);
            Assert.Equal(h.HeadIdNumber, head.IdNumber);
            Assert.Null(head.DeathDate);
        });
        Assert.Contains(Households, h => h.Kind == HouseholdKinds.Collective);
    }

    [Fact]
    public void Marital_status_fits_age_and_household()
    {
        var byId = Persons.ToDictionary(p => p.IdNumber);
        Assert.All(Persons, p =>
        {
            var age = Age(p);
            if (age < (p.Gender == Genders.Male ? 22 : 20))
            {
                Assert.Equal(MaritalStatuses.Unmarried, p.MaritalStatus);
            }

            if (p.RelationToHead == HouseholdRelations.Spouse)
            {
                Assert.Contains(p.MaritalStatus, new[] { MaritalStatuses.Married, MaritalStatuses.Widowed });
            }
        });
        Assert.All(Households, h =>
        {
            var head = byId[h.HeadIdNumber!];
            if (Persons.Any(p => p.HouseholdNumber == h.Number && p.RelationToHead == HouseholdRelations.Spouse && p.DeathDate is null))
            {
                Assert.Equal(MaritalStatuses.Married, head.MaritalStatus);
            }
        });
    }

    [Fact]
    public void Education_fits_age()
    {
        Assert.All(Persons, p =>
        {
            var age = Age(p);
            var allowed = age switch
            {
                < 12 => [Educations.None],
                < 15 => [Educations.Primary],
                < 18 => [Educations.JuniorHigh],
                < 22 => [Educations.JuniorHigh, Educations.SeniorHigh, Educations.TechnicalSecondary],
                _ => (string[])null!,
            };
            if (allowed is not null)
            {
                Assert.Contains(p.Education, allowed);
            }

            if (p.Education == Educations.Doctorate)
            {
                Assert.True(age >= 28, $"{p.IdNumber} is a doctor at {age}");
            }
        });
    }

    [Fact]
    public void Phones_are_mainland_mobile_numbers_no_two_alike_and_children_have_none()
    {
        var phones = Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).ToList();

        Assert.All(phones, phone => Assert.Matches(MobileNumber(), phone));
        Assert.Equal(phones.Count, phones.Distinct().Count());
        Assert.InRange(phones.Count, Persons.Count * 70 / 100, Persons.Count * 95 / 100);
        Assert.All(Persons.Where(p => Age(p) < 12), p => Assert.Null(p.Phone));
    }

    [Fact]
    public void Ethnic_groups_are_gb_3304_codes_and_about_nine_in_ten_are_han()
    {
        Assert.All(Persons, p => Assert.NotNull(Ethnicity.Find(p.EthnicityCode)));
        var han = Persons.Count(p => p.EthnicityCode == Ethnicity.HanCode) / (double)Persons.Count;
        Assert.InRange(han, 0.90, 0.94);
        Assert.True(Persons.Select(p => p.EthnicityCode).Distinct().Count() >= 15, "the minorities are spread over many groups");
    }

    [Fact]
    public void The_ethnic_table_holds_the_56_groups_of_gb_3304_in_order()
    {
        Assert.Equal(Enumerable.Range(1, 56).Select(i => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), Ethnicity.Groups.Select(g => g.Group.Code));
        Assert.Equal(56, Ethnicity.Groups.Select(g => g.Group.Name).Distinct().Count());
        Assert.All(Ethnicity.Groups, g => Assert.EndsWith("族", g.Group.Name, StringComparison.Ordinal));
        Assert.Equal(("01", "汉族"), (Ethnicity.Han.Code, Ethnicity.Han.Name));
        Assert.Equal("基诺族", Ethnicity.Find("56")!.Name);
    }

    [Fact]
    public void Records_are_updated_before_the_reference_date_and_after_a_death()
    {
        Assert.All(Persons, p =>
        {
            Assert.True(p.UpdatedAt >= new DateTimeOffset(2015, 12, 31, 0, 0, 0, TimeSpan.Zero));
            if (p.DeathDate is { } died)
            {
                Assert.True(DateOnly.FromDateTime(p.UpdatedAt.UtcDateTime) >= died, $"{p.IdNumber} updated before the death");
            }
            else
            {
                Assert.True(DateOnly.FromDateTime(p.UpdatedAt.UtcDateTime) <= DemoWorld.ReferenceDate);
            }
        });
    }

    private static int Age(Person p)
    {
        var on = p.DeathDate ?? DemoWorld.ReferenceDate;
        var before = on.Month < p.BirthDate.Month || (on.Month == p.BirthDate.Month && on.Day < p.BirthDate.Day);
        return on.Year - p.BirthDate.Year - (before ? 1 : 0);
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex MobileNumber();
}
