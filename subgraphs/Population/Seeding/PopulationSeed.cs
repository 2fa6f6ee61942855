using System.Globalization;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Seeding;

/// <summary>
/// The population register of the demo world: persons and households from the world's cores
/// (identity number, name, gender, birth date, household and relation, death), and the fields only
/// this register keeps drawn from the stream <c>population.person</c> of each person, consistently
/// with the cores — marital status and education by age, the registered address of the household,
/// a married head and spouse. Rows are made one household at a time, so enumerating a million
/// persons holds one household in memory.
/// </summary>
internal static class PopulationSeed
{
    private const string PersonStream = "population.person";
    private const string HouseholdStream = "population.household";

    private static readonly DateOnly FirstUpdate = new(2016, 1, 1);

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199",
    ];

    private static readonly string[] GivenNameCharacters =
        ["小", "阿", "春", "秋", "冬", "梅", "兰", "菊", "桂", "根", "土", "水", "福", "财", "宝", "妹", "弟", "娣", "英", "芳", "国", "建", "卫", "红"];

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯"];

    private static readonly (Ethnicity Item, double Weight)[] Minorities =
        [.. Ethnicity.Groups.Where(g => g.Group.Code != Ethnicity.HanCode).Select(g => (g.Group, (double)g.Weight))];

    public static IEnumerable<Household> Households(DemoWorld world)
    {
        for (var k = 0; k < world.HouseholdCount; k++)
        {
            yield return HouseholdOf(world, world.Household(k));
        }
    }

    /// <summary>Every person of the world, in person-index order (households are runs of indexes).</summary>
    public static IEnumerable<Person> Persons(DemoWorld world)
    {
        var members = new List<PersonCore>();
        for (var k = 0; k < world.HouseholdCount; k++)
        {
            var household = world.Household(k);
            var address = world.Address(household.AddressIndex);
            members.Clear();
            for (var i = household.FirstMember; i < household.FirstMember + household.MemberCount; i++)
            {
                members.Add(world.Person(i));
            }

            var spouse = members.Find(m => m.RelationToHead == HouseholdRelation.Spouse);
            var head = members.Find(m => m.Index == household.HeadIndex);
            foreach (var core in members)
            {
                var partner = core.RelationToHead switch
                {
                    HouseholdRelation.Head => spouse,
                    HouseholdRelation.Spouse => head,
                    _ => null,
                };
                yield return PersonOf(world, core, household, address, partner);
            }
        }
    }

    public static Household HouseholdOf(DemoWorld world, HouseholdCore household)
    {
        var address = world.Address(household.AddressIndex);
        var random = world.Random(HouseholdStream, household.Index);
        return new Household(
            household.Number,
            household.Kind == HouseholdKind.Collective ? HouseholdKinds.Collective : HouseholdKinds.Family,
            world.Person(household.HeadIndex).IdNumber,
            address.Text,
            address.DivisionCode,
            UpdatedAt(ref random, null));
    }

    /// <param name="partner">The spouse of a head, the head of a spouse; null for everyone else.</param>
    public static Person PersonOf(DemoWorld world, PersonCore core, HouseholdCore household, AddressCore address, PersonCore? partner)
    {
        var random = world.Random(PersonStream, core.Index);
        var asOf = core.DeathDate ?? DemoWorld.ReferenceDate;
        var age = core.AgeOn(asOf);

        var ethnicity = random.Chance(0.92) ? Ethnicity.Han : random.PickWeighted(Minorities);
        string[] formerNames = age >= 16 && random.Chance(0.04) ? [FormerName(ref random, core.Name)] : [];

        string? residenceAddress = address.Text;
        string? residenceAddressId = address.Id;
        var whereLiving = random.NextDouble();
        if (whereLiving < 0.15)
        {
            var elsewhere = world.Address(random.NextInt(world.HouseholdCount));
            residenceAddress = elsewhere.Text;
            residenceAddressId = elsewhere.Id;
        }
        else if (whereLiving < 0.17)
        {
            residenceAddress = null;
            residenceAddressId = null;
        }

        if (residenceAddressId is not null && random.Chance(0.05))
        {
            residenceAddressId = null;
        }

        return new Person(
            core.IdNumber,
            core.Name,
            formerNames,
            core.Gender == Gender.Male ? Genders.Male : Genders.Female,
            ethnicity.Code,
            core.BirthDate,
            address.Text,
            address.DivisionCode,
            residenceAddress,
            residenceAddressId,
            MaritalStatus(ref random, core, age, partner),
            Education(ref random, core, age),
            Phone(ref random, core, age),
            core.DeathDate,
            household.Number,
            Relation(core.RelationToHead),
            UpdatedAt(ref random, core.DeathDate));
    }

    private static string Relation(HouseholdRelation relation) => relation switch
    {
        HouseholdRelation.Head => HouseholdRelations.Head,
        HouseholdRelation.Spouse => HouseholdRelations.Spouse,
        HouseholdRelation.Child => HouseholdRelations.Child,
        HouseholdRelation.Parent => HouseholdRelations.Parent,
        HouseholdRelation.Grandchild => HouseholdRelations.Grandchild,
        HouseholdRelation.Grandparent => HouseholdRelations.Grandparent,
        HouseholdRelation.Sibling => HouseholdRelations.Sibling,
        HouseholdRelation.OtherRelative => HouseholdRelations.OtherRelative,
        _ => HouseholdRelations.NonRelative,
    };

    /// <summary>
    /// Married to the partner in the household (widowed once the partner died); otherwise by age,
    /// never married below the legal age of marriage (22 for men, 20 for women).
    /// </summary>
    private static string MaritalStatus(ref DemoRandom random, PersonCore core, int age, PersonCore? partner)
    {
        if (partner is not null)
        {
            return partner.DeathDate is { } died && (core.DeathDate is null || died < core.DeathDate) ? MaritalStatuses.Widowed : MaritalStatuses.Married;
        }

        if (age < (core.Gender == Gender.Male ? 22 : 20))
        {
            return MaritalStatuses.Unmarried;
        }

        var draw = random.NextDouble();
        var (unmarried, married, divorced) = age switch
        {
            < 25 => (0.75, 0.23, 0.02),
            < 30 => (0.45, 0.52, 0.03),
            < 40 => (0.15, 0.79, 0.05),
            < 60 => (0.05, 0.85, 0.07),
            < 75 => (0.03, 0.80, 0.05),
            _ => (0.02, 0.55, 0.03),
        };
        return draw < 0.005 ? MaritalStatuses.Unstated
            : draw < unmarried ? MaritalStatuses.Unmarried
            : draw < unmarried + married ? MaritalStatuses.Married
            : draw < unmarried + married + divorced ? MaritalStatuses.Divorced
            : MaritalStatuses.Widowed;
    }

    /// <summary>The highest level completed: what the age allows, then by birth cohort (younger cohorts studied longer).</summary>
    private static string Education(ref DemoRandom random, PersonCore core, int age)
    {
        switch (age)
        {
            case < 12:
                return Educations.None;
            case < 15:
                return Educations.Primary;
            case < 18:
                return Educations.JuniorHigh;
            case < 22:
                return random.PickWeighted<string>([(Educations.JuniorHigh, 15), (Educations.SeniorHigh, 50), (Educations.TechnicalSecondary, 35)]);
        }

        if (random.Chance(0.005))
        {
            return Educations.Unknown;
        }

        var level = core.BirthDate.Year switch
        {
            >= 1985 => random.PickWeighted<string>([
                (Educations.Doctorate, 1), (Educations.Master, 6), (Educations.Bachelor, 28), (Educations.JuniorCollege, 20),
                (Educations.TechnicalSecondary, 12), (Educations.SeniorHigh, 15), (Educations.JuniorHigh, 16), (Educations.Primary, 2)]),
            >= 1965 => random.PickWeighted<string>([
                (Educations.Doctorate, 0.5), (Educations.Master, 3), (Educations.Bachelor, 14), (Educations.JuniorCollege, 13),
                (Educations.TechnicalSecondary, 12), (Educations.SeniorHigh, 20), (Educations.JuniorHigh, 30), (Educations.Primary, 7), (Educations.None, 0.5)]),
            _ => random.PickWeighted<string>([
                (Educations.Bachelor, 4), (Educations.JuniorCollege, 5), (Educations.TechnicalSecondary, 6), (Educations.SeniorHigh, 15),
                (Educations.JuniorHigh, 30), (Educations.Primary, 30), (Educations.None, 10)]),
        };

        // A degree takes its years: a bachelor at 22, a master at 25, a doctorate at 28.
        return level switch
        {
            Educations.Doctorate when age < 28 => Educations.Master,
            Educations.Master when age < 25 => Educations.Bachelor,
            _ => level,
        };
    }

    /// <summary>
    /// A mainland mobile number for most persons from 12 on: an operator prefix and eight digits
    /// that are a bijection of the person's index (48271 is prime to 10⁸), so no two persons share one.
    /// </summary>
    private static string? Phone(ref DemoRandom random, PersonCore core, int age)
    {
        if (age < 12 || !random.Chance(core.DeathDate is null ? 0.93 : 0.5))
        {
            return null;
        }

        var subscriber = (int)(((long)core.Index * 48_271 + 12_345_678) % 100_000_000);
        return string.Create(CultureInfo.InvariantCulture, $"{random.Pick(MobilePrefixes)}{subscriber:D8}");
    }

    /// <summary>A name the person was registered under before: the same surname, a plainer given name.</summary>
    private static string FormerName(ref DemoRandom random, string name)
    {
        var surnameLength = name.Length > 2 && CompoundSurnames.Any(s => name.StartsWith(s, StringComparison.Ordinal)) ? 2 : 1;
        var given = random.Pick(GivenNameCharacters) + (random.Chance(0.6) ? random.Pick(GivenNameCharacters) : "");
        var former = name[..surnameLength] + given;
        return former == name ? former + random.Pick(GivenNameCharacters) : former;
    }

    /// <summary>When the register last touched the record: a time of day between 2016 and the world's reference date, after any death.</summary>
    private static DateTimeOffset UpdatedAt(ref DemoRandom random, DateOnly? deathDate)
    {
        var from = deathDate is { } died && died > FirstUpdate ? died.AddDays(1) : FirstUpdate;
        var day = from.AddDays(random.NextInt(Math.Max(1, DemoWorld.ReferenceDate.DayNumber - from.DayNumber)));
        var seconds = random.NextInt(8 * 3600, 18 * 3600);
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(seconds - (8 * 3600));
    }
}
