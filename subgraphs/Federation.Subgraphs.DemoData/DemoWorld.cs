using System.Globalization;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.DemoData;

/// <summary>
/// The demo world every subgraph draws its seed data from, so the four registers agree: the persons
/// the legal-person register names as representatives, the holders of licences and the right holders
/// of parcels all exist, with the same names, in their own registers.
/// <para>
/// Deterministic: the same seed and size give the same world, and any entity can be made on its own by
/// index (<see cref="Person"/>, <see cref="LegalPerson"/>, <see cref="Address"/>), so a million persons
/// stream into <c>COPY</c> without being held in memory. Identity numbers and credit codes are unique by
/// construction and carry valid check characters; divisions are Ningbo's real GB/T 2260 codes.
/// </para>
/// </summary>
public sealed class DemoWorld
{
    public const ulong DefaultSeed = 0x3302_2260_2026;
    public const int DefaultPersons = 10_000;
    public const int MaximumPersons = 2_000_000;

    /// <summary>The day the demo data describes: ages, expiries and statuses are as of this day.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    private const int BirthDays = 30_000;
    private static readonly DateOnly FirstBirthDate = new(1940, 1, 1);

    private readonly int[] householdStarts;
    private readonly int personPermutation;
    private readonly int personBlocks;

    public DemoWorld(int persons = DefaultPersons, ulong seed = DefaultSeed)
    {
        if (persons < 1 || persons > MaximumPersons)
        {
            throw new ArgumentOutOfRangeException(nameof(persons), persons, $"A demo world holds 1 to {MaximumPersons} persons.");
        }

        Seed = seed;
        PersonCount = persons;
        householdStarts = PartitionIntoHouseholds(persons, seed);
        HouseholdCount = householdStarts.Length;
        personPermutation = Coprime(persons, 1_000_003);
        personBlocks = (persons / BirthDays) + 1;

        Agencies = NingboAgencies.Definitions.Select((a, i) => new AgencyInfo(i, a.Name, a.Role, a.Division)).ToList();
        LegalPersonCount = Agencies.Count + Math.Max(100, persons / 10);
        AddressCount = HouseholdCount + LegalPersonCount;
        ParcelCount = Math.Max(50, persons / 5);
        LicenceCount = Math.Max(100, persons / 2);
    }

    public ulong Seed { get; }

    public int PersonCount { get; }

    public int HouseholdCount { get; }

    public int LegalPersonCount { get; }

    public int AddressCount { get; }

    /// <summary>How many land parcels the spatial register holds.</summary>
    public int ParcelCount { get; }

    /// <summary>How many licences the licence library holds.</summary>
    public int LicenceCount { get; }

    /// <summary>The agencies, which are also the first legal persons (indexes 0 to Count − 1).</summary>
    public IReadOnlyList<AgencyInfo> Agencies { get; }

    public static IReadOnlyList<DivisionInfo> Divisions => NingboDivisions.All;

    public static IReadOnlyList<(double Longitude, double Latitude)> CityOutline => NingboDivisions.CityOutline;

    public static DivisionInfo? CountyAt(double longitude, double latitude) => NingboDivisions.CountyAt(longitude, latitude);

    /// <summary>The random numbers of one entity in one stream; each subgraph names its own streams.</summary>
    public DemoRandom Random(string stream, long index) => new(Seed, stream, index);

    public PersonCore Person(int index)
    {
        CheckIndex(index, PersonCount);
        var household = HouseholdOf(index);
        var random = Random("person", index);
        var gender = random.Chance(0.5) ? Gender.Male : Gender.Female; // as GenderOf reads it
        var name = ChineseNames.PersonName(ref random, gender);
        var birthDate = BirthDateOf(index);
        var division = Address(household.AddressIndex).DivisionCode;

        // Unique by construction: the permuted index picks the birth day and a block of sequence
        // numbers; the random part only spreads numbers within the block's residue class.
        var block = BirthBlockOf(index);
        var spread = random.NextInt(Math.Max(1, 500 / personBlocks));
        var sequence = ((block + (personBlocks * spread)) * 2) + (gender == Gender.Male ? 1 : 0);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{division}{birthDate:yyyyMMdd}{sequence:D3}");
        var idNumber = first17 + IdNumber.CheckDigit(first17);

        var age = AgeOn(birthDate, ReferenceDate);
        DateOnly? deathDate = null;
        if (index != household.HeadIndex && age >= 60 && random.Chance(Math.Min(0.3, (age - 60) / 100.0)))
        {
            var earliest = Max(birthDate.AddYears(60), new DateOnly(2000, 1, 1));
            deathDate = earliest.AddDays(random.NextInt(Math.Max(1, ReferenceDate.DayNumber - earliest.DayNumber)));
        }

        return new PersonCore(index, idNumber, name, gender, birthDate, household.Index, RelationOf(index, household), deathDate);
    }

    public HouseholdCore Household(int index)
    {
        CheckIndex(index, HouseholdCount);
        var first = householdStarts[index];
        var count = (index + 1 < householdStarts.Length ? householdStarts[index + 1] : PersonCount) - first;
        var head = first;
        for (var i = first + 1; i < first + count; i++)
        {
            if (BirthDateOf(i) < BirthDateOf(head))
            {
                head = i;
            }
        }

        var random = Random("household", index);
        var division = Address(index).DivisionCode;
        var number = string.Create(CultureInfo.InvariantCulture, $"{division}{index + 1:D8}");
        var kind = count >= 4 && random.Chance(0.05) ? HouseholdKind.Collective : HouseholdKind.Family;
        return new HouseholdCore(index, number, kind, first, count, index, head);
    }

    public HouseholdCore HouseholdOf(int person)
    {
        CheckIndex(person, PersonCount);
        var position = Array.BinarySearch(householdStarts, person);
        return Household(position >= 0 ? position : ~position - 1);
    }

    public LegalPersonCore LegalPerson(int index)
    {
        CheckIndex(index, LegalPersonCount);
        var random = Random("legal-person", index);
        var addressIndex = HouseholdCount + index;
        var address = Address(addressIndex);
        if (index < Agencies.Count)
        {
            var agency = Agencies[index];
            return new LegalPersonCore(
                index,
                CreditCodeOf(index, "11", agency.DivisionCode),
                agency.Name,
                LegalPersonKind.Agency,
                agency.DivisionCode,
                new DateOnly(1950 + random.NextInt(50), 1 + random.NextInt(12), 1 + random.NextInt(28)),
                AdultLivingPerson(ref random),
                addressIndex,
                AgencyOf(AgencyRole.InstitutionRegistration, NingboDivisions.City),
                null,
                agency.Role);
        }

        var kind = random.PickWeighted<LegalPersonKind>(
            [(LegalPersonKind.Enterprise, 80), (LegalPersonKind.PublicInstitution, 6), (LegalPersonKind.SocialOrganisation, 6), (LegalPersonKind.Other, 8)]);
        var county = NingboDivisions.Find(address.DivisionCode)!;
        var trade = TradeName(index);
        var sector = random.Pick(ChineseNames.Sectors);
        var ordinal = ((index - Agencies.Count) / PublicInstitutionNames.Length) + 1;
        var (name, prefix, authority) = kind switch
        {
            LegalPersonKind.Enterprise => ($"宁波{trade}{sector}有限公司", "91", AgencyOf(AgencyRole.MarketSupervision, county.Code)),
            LegalPersonKind.PublicInstitution => (
                "宁波市" + county.Name + string.Format(CultureInfo.InvariantCulture, PublicInstitutionNames[index % PublicInstitutionNames.Length], ordinal),
                "12",
                AgencyOf(AgencyRole.InstitutionRegistration, NingboDivisions.City)),
            LegalPersonKind.SocialOrganisation => ($"宁波市{trade}{sector}行业协会", "51", AgencyOf(AgencyRole.CivilAffairs, NingboDivisions.City)),
            _ => ($"宁波市{county.Name}{trade}{sector}专业合作社", "93", AgencyOf(AgencyRole.MarketSupervision, county.Code)),
        };

        var established = new DateOnly(1985, 1, 1).AddDays(random.NextInt(ReferenceDate.DayNumber - new DateOnly(1985, 1, 1).DayNumber));
        int? representative = random.Chance(0.97) ? AdultLivingPerson(ref random) : null;
        return new LegalPersonCore(
            index,
            CreditCodeOf(index, prefix, county.Code),
            name,
            kind,
            county.Code,
            established,
            representative,
            addressIndex,
            authority,
            kind is LegalPersonKind.Enterprise or LegalPersonKind.SocialOrganisation or LegalPersonKind.Other ? sector : null,
            null);
    }

    public AddressCore Address(int index)
    {
        CheckIndex(index, AddressCount);
        var random = Random("address", index);
        double longitude, latitude;
        DivisionInfo? county;
        do
        {
            longitude = Math.Round(120.90 + (random.NextDouble() * 1.20), 6);
            latitude = Math.Round(29.05 + (random.NextDouble() * 1.30), 6);
            county = NingboDivisions.CountyAt(longitude, latitude);
        }
        while (county is null);

        var (townships, postalCode) = NingboPlaces.ByCounty[county.Code];
        var township = random.Pick(townships);
        var community = random.Pick(NingboPlaces.Communities);
        var road = random.Pick(NingboPlaces.Roads);
        var houseNumber = (1 + random.NextInt(999)).ToString(CultureInfo.InvariantCulture);
        var residential = index < HouseholdCount;
        string? building = residential || random.Chance(0.4) ? (1 + random.NextInt(30)).ToString(CultureInfo.InvariantCulture) : null;
        string? unit = residential && random.Chance(0.8) ? (1 + random.NextInt(4)).ToString(CultureInfo.InvariantCulture) : null;
        string? room = residential ? ((((1 + random.NextInt(18)) * 100) + 1 + random.NextInt(4)).ToString(CultureInfo.InvariantCulture)) : null;
        var text = $"浙江省宁波市{county.Name}{township}{road}{houseNumber}号"
            + (building is null ? string.Empty : building + "幢")
            + (unit is null ? string.Empty : unit + "单元")
            + (room is null ? string.Empty : room + "室");
        return new AddressCore(
            index,
            string.Create(CultureInfo.InvariantCulture, $"NB{index + 1:D9}"),
            text,
            county.Code,
            township,
            community,
            road,
            houseNumber,
            building,
            unit,
            room,
            postalCode,
            longitude,
            latitude);
    }

    /// <summary>The index of the agency with <paramref name="role"/> in <paramref name="divisionCode"/>, else the city's.</summary>
    public int AgencyOf(AgencyRole role, string divisionCode)
    {
        AgencyInfo? cityAgency = null;
        foreach (var agency in Agencies)
        {
            if (agency.Role != role)
            {
                continue;
            }

            if (agency.DivisionCode == divisionCode)
            {
                return agency.Index;
            }

            if (agency.DivisionCode == NingboDivisions.City)
            {
                cityAgency = agency;
            }
        }

        return cityAgency?.Index ?? throw new ArgumentException($"The demo world has no agency with role {role}.", nameof(role));
    }

    /// <summary>
    /// An adult person (18 to 79) alive on the reference date, drawn with <paramref name="random"/>;
    /// in a world too small to hold one (a handful of persons), any person.
    /// </summary>
    public int AdultLivingPerson(ref DemoRandom random)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = random.NextInt(PersonCount);
            if (IsAdultAlive(candidate))
            {
                return candidate;
            }
        }

        // Rare, or a tiny world: the first one after a random start, if any.
        var start = random.NextInt(PersonCount);
        for (var i = 0; i < PersonCount; i++)
        {
            var candidate = (start + i) % PersonCount;
            if (IsAdultAlive(candidate))
            {
                return candidate;
            }
        }

        return start;
    }

    private bool IsAdultAlive(int person) =>
        AgeOn(BirthDateOf(person), ReferenceDate) is >= 18 and < 80 && !Person(person).IsDeceased;

    private static readonly string[] PublicInstitutionNames =
        ["第{0}中学", "第{0}小学", "第{0}幼儿园", "第{0}人民医院", "第{0}社区卫生服务中心", "图书馆第{0}分馆", "第{0}文化站", "第{0}职业技术学校"];

    // The permuted index picks a birth day and a block of sequence numbers, one (day, block) pair
    // per person: a world smaller than the span of birth days spreads its persons over all of it,
    // a larger one repeats the days in further blocks.
    private DateOnly BirthDateOf(int index)
    {
        var permuted = Permuted(index);
        return FirstBirthDate.AddDays(PersonCount <= BirthDays ? (int)((long)permuted * BirthDays / PersonCount) : permuted % BirthDays);
    }

    private int BirthBlockOf(int index) => PersonCount <= BirthDays ? 0 : Permuted(index) / BirthDays;

    private int Permuted(int index) => (int)(((long)index * personPermutation + 7) % PersonCount);

    private HouseholdRelation RelationOf(int index, HouseholdCore household)
    {
        if (index == household.HeadIndex)
        {
            return HouseholdRelation.Head;
        }

        if (household.Kind == HouseholdKind.Collective)
        {
            return HouseholdRelation.NonRelative;
        }

        var headAge = AgeOn(BirthDateOf(household.HeadIndex), ReferenceDate);
        var gap = headAge - AgeOn(BirthDateOf(index), ReferenceDate);
        if (gap < 15)
        {
            // The spouse is the first member close in age to the head, of the other sex, with both
            // of the legal age to marry (Civil Code art. 1047); any other member close in age is a sibling.
            for (var i = household.FirstMember; i < household.FirstMember + household.MemberCount; i++)
            {
                if (CouldBeSpouse(household.HeadIndex, i))
                {
                    return i == index ? HouseholdRelation.Spouse : HouseholdRelation.Sibling;
                }
            }

            return HouseholdRelation.Sibling;
        }

        return gap < 40 ? HouseholdRelation.Child : HouseholdRelation.Grandchild;
    }

    private bool CouldBeSpouse(int head, int member)
    {
        if (member == head || GenderOf(member) == GenderOf(head))
        {
            return false;
        }

        var headAge = AgeOn(BirthDateOf(head), ReferenceDate);
        var memberAge = AgeOn(BirthDateOf(member), ReferenceDate);
        return headAge - memberAge < 15 && OfMarriageAge(head, headAge) && OfMarriageAge(member, memberAge);
    }

    private bool OfMarriageAge(int person, int age) => age >= (GenderOf(person) == Gender.Male ? 22 : 20);

    /// <summary>The first draw of a person's random numbers decides the sex, so it can be read without the rest.</summary>
    private Gender GenderOf(int index)
    {
        var random = Random("person", index);
        return random.Chance(0.5) ? Gender.Male : Gender.Female;
    }

    private string CreditCodeOf(int index, string prefix, string divisionCode)
    {
        // The 8-digit organisation body (GB 11714) comes from a bijection of the index, so no two collide.
        var body = ((long)index * 7_654_321 + 12_345_678) % 100_000_000;
        var organisation8 = body.ToString("D8", CultureInfo.InvariantCulture);
        var first17 = prefix + divisionCode + organisation8 + CreditCode.OrganisationCheckCharacter(organisation8);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static string TradeName(int index)
    {
        var chars = ChineseNames.TradeName;
        var n = chars.Length;
        var permuted = ((long)index * 7919 + 13) % (n * n * n);
        var first = chars[(int)(permuted % n)];
        var second = chars[(int)(permuted / n % n)];
        var third = (int)(permuted / (n * n));
        return third == 0 ? first + second : first + second + chars[third];
    }

    private static int[] PartitionIntoHouseholds(int persons, ulong seed)
    {
        var starts = new List<int>(persons / 2);
        for (var start = 0; start < persons;)
        {
            starts.Add(start);
            var random = new DemoRandom(seed, "household-size", starts.Count - 1);
            start += random.PickWeighted<int>([(1, 25), (2, 30), (3, 25), (4, 12), (5, 8)]);
        }

        return [.. starts];
    }

    private static int Coprime(int n, int candidate)
    {
        while (Gcd(n, candidate) != 1)
        {
            candidate += 2;
        }

        return candidate;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static int AgeOn(DateOnly birthDate, DateOnly day) =>
        day.Year - birthDate.Year - (day.Month < birthDate.Month || (day.Month == birthDate.Month && day.Day < birthDate.Day) ? 1 : 0);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void CheckIndex(int index, int count)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The demo world has {count} of these.");
        }
    }
}
