using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.DemoData.Tests;

public sealed class DemoWorldTests
{
    private static readonly DemoWorld World = new(persons: 20_000);

    [Fact]
    public void The_same_seed_and_size_make_the_same_world()
    {
        var again = new DemoWorld(persons: 20_000);
        foreach (var i in new[] { 0, 1, 777, 19_999 })
        {
            Assert.Equal(World.Person(i), again.Person(i));
        }

        foreach (var j in new[] { 0, 30, World.LegalPersonCount - 1 })
        {
            Assert.Equal(World.LegalPerson(j), again.LegalPerson(j));
        }

        Assert.Equal(World.Address(5), again.Address(5));
    }

    [Fact]
    public void Another_seed_makes_another_world()
    {
        var other = new DemoWorld(persons: 20_000, seed: 42);
        Assert.NotEqual(World.Person(10).IdNumber, other.Person(10).IdNumber);
    }

    [Fact]
    public void Every_identity_number_is_valid_unique_and_agrees_with_the_person()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < World.PersonCount; i++)
        {
            var person = World.Person(i);
            Assert.True(IdNumber.TryParse(person.IdNumber, out var id, out var error, DemoWorld.ReferenceDate), error);
            Assert.True(seen.Add(person.IdNumber), $"{person.IdNumber} twice");
            Assert.Equal(person.BirthDate, id.BirthDate);
            Assert.Equal(person.Gender == Gender.Male, id.IsMale);
            Assert.Equal(World.Address(World.Household(person.HouseholdIndex).AddressIndex).DivisionCode, id.DivisionCode);
        }
    }

    [Fact]
    public void Every_credit_code_is_valid_and_unique_and_names_are_unique()
    {
        var codes = new HashSet<string>();
        var names = new HashSet<string>();
        for (var j = 0; j < World.LegalPersonCount; j++)
        {
            var legalPerson = World.LegalPerson(j);
            Assert.True(CreditCode.TryParse(legalPerson.CreditCode, out var code, out var error), error);
            Assert.True(codes.Add(legalPerson.CreditCode), $"{legalPerson.CreditCode} twice");
            Assert.True(names.Add(legalPerson.Name), $"{legalPerson.Name} twice");
            Assert.Equal(legalPerson.DivisionCode, code.DivisionCode);
        }
    }

    [Fact]
    public void Representatives_are_adults_alive_on_the_reference_date()
    {
        for (var j = 0; j < World.LegalPersonCount; j++)
        {
            if (World.LegalPerson(j).RepresentativeIndex is { } representative)
            {
                var person = World.Person(representative);
                Assert.False(person.IsDeceased);
                Assert.InRange(person.AgeOn(DemoWorld.ReferenceDate), 18, 79);
            }
        }
    }

    [Fact]
    public void The_first_legal_persons_are_the_agencies_and_authorities_are_agencies()
    {
        for (var a = 0; a < World.Agencies.Count; a++)
        {
            Assert.Equal(LegalPersonKind.Agency, World.LegalPerson(a).Kind);
            Assert.Equal(World.Agencies[a].Name, World.LegalPerson(a).Name);
        }

        for (var j = 0; j < World.LegalPersonCount; j += 17)
        {
            Assert.Equal(LegalPersonKind.Agency, World.LegalPerson(World.LegalPerson(j).RegistrationAuthorityIndex).Kind);
        }
    }

    [Fact]
    public void Households_partition_the_persons_and_each_has_one_head_the_oldest()
    {
        var next = 0;
        for (var h = 0; h < World.HouseholdCount; h++)
        {
            var household = World.Household(h);
            Assert.Equal(next, household.FirstMember);
            Assert.InRange(household.MemberCount, 1, 5);
            next += household.MemberCount;
            var heads = 0;
            for (var i = household.FirstMember; i < household.FirstMember + household.MemberCount; i++)
            {
                var person = World.Person(i);
                Assert.Equal(h, person.HouseholdIndex);
                Assert.True(person.BirthDate >= World.Person(household.HeadIndex).BirthDate);
                heads += person.RelationToHead == HouseholdRelation.Head ? 1 : 0;
            }

            Assert.Equal(1, heads);
        }

        Assert.Equal(World.PersonCount, next);
    }

    [Fact]
    public void Addresses_lie_in_the_county_they_name_and_the_counties_are_real_codes()
    {
        for (var a = 0; a < World.AddressCount; a += 7)
        {
            var address = World.Address(a);
            Assert.Equal(address.DivisionCode, DemoWorld.CountyAt(address.Longitude, address.Latitude)!.Code);
            Assert.StartsWith("浙江省宁波市", address.Text, StringComparison.Ordinal);
        }

        foreach (var division in DemoWorld.Divisions)
        {
            Assert.True(DivisionCode.TryParse(division.Code, out var code, out var error), error);
            Assert.Equal(division.Level, code.Level);
            Assert.Equal(division.ParentCode, code.Parent?.Value);
        }
    }

    [Fact]
    public void Every_county_in_force_gets_addresses_and_its_centre_lies_in_its_own_area()
    {
        foreach (var county in NingboDivisions.Counties)
        {
            Assert.Equal(county.Code, DemoWorld.CountyAt(county.CentreLongitude, county.CentreLatitude)!.Code);
        }

        var counties = Enumerable.Range(0, World.AddressCount).Select(a => World.Address(a).DivisionCode).ToHashSet();
        Assert.Equal(NingboDivisions.Counties.Select(c => c.Code).ToHashSet(), counties);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    [InlineData(2_500)]
    public void Small_worlds_are_made_whole_and_spread_births_over_the_whole_span(int persons)
    {
        var world = new DemoWorld(persons);
        for (var j = 0; j < world.LegalPersonCount; j++)
        {
            Assert.NotNull(world.LegalPerson(j).CreditCode);
        }

        var years = Enumerable.Range(0, persons).Select(i => world.Person(i).BirthDate.Year).ToList();
        Assert.Equal(persons, Enumerable.Range(0, persons).Select(i => world.Person(i).IdNumber).Distinct().Count());
        if (persons >= 300)
        {
            Assert.True(years.Min() < 1950 && years.Max() > 2010, $"births from {years.Min()} to {years.Max()}");
        }
    }

    [Fact]
    public void Spouses_are_of_the_other_sex_and_of_the_legal_age_to_marry()
    {
        var spouses = 0;
        for (var i = 0; i < World.PersonCount; i++)
        {
            var person = World.Person(i);
            if (person.RelationToHead != HouseholdRelation.Spouse)
            {
                continue;
            }

            spouses++;
            var head = World.Person(World.Household(person.HouseholdIndex).HeadIndex);
            Assert.NotEqual(head.Gender, person.Gender);
            foreach (var partner in new[] { person, head })
            {
                Assert.True(partner.AgeOn(DemoWorld.ReferenceDate) >= (partner.Gender == Gender.Male ? 22 : 20), $"{partner.IdNumber} is too young to be married");
            }
        }

        Assert.True(spouses > World.HouseholdCount / 10, $"{spouses} spouses in {World.HouseholdCount} households");
    }

    [Fact]
    public void A_large_world_has_children_and_young_adults()
    {
        var ages = Enumerable.Range(0, World.PersonCount).Select(i => World.Person(i).AgeOn(DemoWorld.ReferenceDate)).ToList();
        Assert.Contains(ages, age => age < 12);
        Assert.Contains(ages, age => age is >= 18 and < 30);
        Assert.Contains(ages, age => age >= 80);
    }

    [Fact]
    public void Sizes_follow_the_number_of_persons_within_the_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemoWorld(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemoWorld(DemoWorld.MaximumPersons + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => World.Person(World.PersonCount));
        Assert.Equal(World.HouseholdCount + World.LegalPersonCount, World.AddressCount);
    }
}
