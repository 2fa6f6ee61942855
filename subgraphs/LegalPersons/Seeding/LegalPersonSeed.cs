using System.Globalization;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.LegalPersons.Domain;
using LegalPersonKind = Federation.Subgraphs.LegalPersons.Domain.LegalPersonKind;
using WorldKind = Federation.Subgraphs.DemoData.LegalPersonKind;

namespace Federation.Subgraphs.LegalPersons.Seeding;

/// <summary>
/// The register's records for the demo world: the world fixes each legal person's credit code,
/// name, kind, division, representative, address and registration authority; the rest — status,
/// capital, industry, shareholders, annual reports — comes from the stream <c>legal-persons</c> of
/// each legal person, so any record can be made alone and comes out the same every time.
/// Shareholders are persons and legal persons of the same world, or investors outside the registers.
/// </summary>
internal static class LegalPersonSeed
{
    public const string Stream = "legal-persons";

    private static readonly Dictionary<string, string[]> IndustriesBySector = new(StringComparer.Ordinal)
    {
        ["科技"] = ["I6513", "I6511", "M7320"],
        ["贸易"] = ["F5181", "F5212"],
        ["机械"] = ["C3484"],
        ["电子"] = ["C3982"],
        ["服饰"] = ["C1819"],
        ["食品"] = ["C1432", "C1311"],
        ["建设"] = ["E4710"],
        ["物流"] = ["G5431", "G5821"],
        ["化工"] = ["C2614"],
        ["模具"] = ["C3525"],
        ["塑业"] = ["C2927"],
        ["文具"] = ["C2411"],
        ["电器"] = ["C3851"],
        ["港口服务"] = ["G5532", "G5821"],
        ["汽车零部件"] = ["C3670"],
        ["餐饮管理"] = ["H6210"],
        ["信息技术"] = ["I6531", "I6513"],
        ["医药"] = ["C2720"],
        ["水产"] = ["A0411"],
        ["房地产开发"] = ["K7010"],
    };

    private static readonly (string NamePart, string Industry)[] InstitutionIndustries =
    [
        ("中学", "P8331"), ("小学", "P8321"), ("幼儿园", "P8310"), ("医院", "Q8411"), ("社区卫生服务中心", "Q8421"),
        ("图书馆", "R8831"), ("文化站", "R8870"), ("职业技术学校", "P8336"),
    ];

    private static readonly string[] ForeignInvestors =
    [
        "香港{0}投资有限公司", "新加坡{0}控股私人有限公司", "{0} Holdings Limited", "台湾{0}实业股份有限公司", "{0} Capital Partners L.P.",
    ];

    private static readonly string[] ForeignMarks = ["瑞丰", "Everbright", "华信", "Pacific Rim", "宏达", "Northstar", "永盛", "Harbourside"];

    private static readonly (decimal TenThousands, double Weight)[] Capitals =
        [(10, 10), (30, 10), (50, 15), (100, 20), (200, 12), (500, 12), (1000, 10), (2000, 5), (5000, 4), (10000, 2)];

    /// <summary>Every legal person of <paramref name="world"/> with its shareholders and annual reports, in index order.</summary>
    public static IEnumerable<LegalPersonFile> Generate(DemoWorld world)
    {
        for (var index = 0; index < world.LegalPersonCount; index++)
        {
            yield return Record(world, index);
        }
    }

    public static LegalPersonFile Record(DemoWorld world, int index)
    {
        var core = world.LegalPerson(index);
        var random = world.Random(Stream, index);
        var kind = KindOf(core.Kind);
        var address = world.Address(core.AddressIndex);
        var industry = IndustryOf(core, ref random);
        var status = StatusOf(kind, ref random);
        DateOnly? terminatedOn = status is LegalPersonStatus.Revoked or LegalPersonStatus.Deregistered
            ? Between(core.EstablishedOn.AddDays(180), DemoWorld.ReferenceDate, ref random)
            : null;
        var capital = kind is LegalPersonKind.Enterprise or LegalPersonKind.Other ? CapitalOf(kind, ref random) : null;
        var (operatingFrom, operatingUntil) = OperatingPeriodOf(kind, core.EstablishedOn, ref random);
        var matched = random.Chance(0.97);

        var legalPerson = new LegalPerson
        {
            CreditCode = core.CreditCode,
            Name = core.Name,
            FormerNames = kind == LegalPersonKind.Enterprise && random.Chance(0.15) ? [FormerName(core, address)] : [],
            Kind = kind,
            Status = status,
            RepresentativeIdNumber = core.RepresentativeIndex is { } representative ? world.Person(representative).IdNumber : null,
            RegisteredCapital = capital,
            EstablishedOn = core.EstablishedOn,
            OperatingFrom = operatingFrom,
            OperatingUntil = operatingUntil,
            Address = address.Text,
            StandardAddressId = matched ? address.Id : null,
            DivisionCode = core.DivisionCode,
            IndustryCode = industry.Code,
            BusinessScope = industry.TypicalScope,
            AuthorityCreditCode = world.LegalPerson(core.RegistrationAuthorityIndex).CreditCode,
            TerminatedOn = terminatedOn,
            UpdatedAt = UpdatedAt(Max(core.EstablishedOn, terminatedOn ?? core.EstablishedOn), ref random),
        };

        var shareholders = kind == LegalPersonKind.Enterprise ? ShareholdersOf(world, core, capital!, ref random) : [];
        var reports = kind is LegalPersonKind.Enterprise or LegalPersonKind.Other or LegalPersonKind.SocialOrganisation
            ? AnnualReportsOf(legalPerson, ref random)
            : [];
        return new LegalPersonFile(legalPerson, shareholders, reports);
    }

    private static LegalPersonKind KindOf(WorldKind kind) => kind switch
    {
        WorldKind.Enterprise => LegalPersonKind.Enterprise,
        WorldKind.PublicInstitution => LegalPersonKind.PublicInstitution,
        WorldKind.SocialOrganisation => LegalPersonKind.SocialOrganisation,
        WorldKind.Agency => LegalPersonKind.Agency,
        _ => LegalPersonKind.Other,
    };

    private static Industry IndustryOf(LegalPersonCore core, ref DemoRandom random)
    {
        var code = core.Kind switch
        {
            WorldKind.Agency => core.AgencyRole switch
            {
                AgencyRole.PublicSecurity => "S9223",
                AgencyRole.MarketSupervision => "S9226",
                AgencyRole.CivilAffairs or AgencyRole.HealthCommission or AgencyRole.HumanResources or AgencyRole.Education => "S9224",
                AgencyRole.GovernmentServices or AgencyRole.InstitutionRegistration => "S9221",
                _ => "S9225",
            },
            WorldKind.PublicInstitution => InstitutionIndustries.FirstOrDefault(i => core.Name.Contains(i.NamePart, StringComparison.Ordinal)).Industry ?? "M7320",
            WorldKind.SocialOrganisation => "S9522",
            WorldKind.Other => core.Sector == "水产" ? "A0411" : "A0141",
            _ => core.Sector is { } sector && IndustriesBySector.TryGetValue(sector, out var codes) ? random.Pick(codes) : "L7212",
        };
        return Industry.Find(code) ?? Industry.Find("I6513")!;
    }

    private static LegalPersonStatus StatusOf(LegalPersonKind kind, ref DemoRandom random) =>
        kind is LegalPersonKind.Agency or LegalPersonKind.PublicInstitution
            ? LegalPersonStatus.Active
            : random.PickWeighted<LegalPersonStatus>(
                [(LegalPersonStatus.Active, 88), (LegalPersonStatus.Revoked, 4), (LegalPersonStatus.Deregistered, 5), (LegalPersonStatus.Suspended, 2), (LegalPersonStatus.MovedOut, 1)]);

    private static Money CapitalOf(LegalPersonKind kind, ref DemoRandom random) =>
        new(kind == LegalPersonKind.Other ? (5 + random.NextInt(96)) * 10_000m : random.PickWeighted(Capitals) * 10_000m, Money.Yuan);

    private static (DateOnly? From, DateOnly? Until) OperatingPeriodOf(LegalPersonKind kind, DateOnly established, ref DemoRandom random) => kind switch
    {
        LegalPersonKind.Enterprise => (established, LimitedUntil(established, ref random)),
        LegalPersonKind.Other => (established, null),
        _ => (null, null),
    };

    /// <summary>A limited period of 10 to 50 years still running on the reference day (expired ones were renewed as unlimited); null for 长期.</summary>
    private static DateOnly? LimitedUntil(DateOnly established, ref DemoRandom random)
    {
        if (random.Chance(0.55))
        {
            return null;
        }

        int[] years = [10, 20, 30, 50];
        for (var i = random.NextInt(years.Length); i < years.Length; i++)
        {
            var until = established.AddYears(years[i]).AddDays(-1);
            if (until > DemoWorld.ReferenceDate)
            {
                return until;
            }
        }

        return null;
    }

    /// <summary>Many enterprises of the city dropped the county from their name when they grew.</summary>
    private static string FormerName(LegalPersonCore core, AddressCore address)
    {
        var county = DemoWorld.Divisions.FirstOrDefault(d => d.Code == core.DivisionCode)?.Name ?? address.Township;
        return core.Name.StartsWith("宁波", StringComparison.Ordinal)
            ? "宁波市" + county + core.Name[2..]
            : county + core.Name;
    }

    private static List<Shareholding> ShareholdersOf(DemoWorld world, LegalPersonCore core, Money capital, ref DemoRandom random)
    {
        var count = random.PickWeighted<int>([(1, 35), (2, 35), (3, 20), (4, 10)]);
        var percentages = Percentages(count, ref random);
        var stakes = new List<Shareholding>(count);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            string? idNumber = null;
            string? creditCode = null;
            string name;
            var draw = random.NextDouble();
            if (i == 0 && core.RepresentativeIndex is { } representative && draw < 0.7)
            {
                var person = world.Person(representative);
                (idNumber, name) = (person.IdNumber, person.Name);
            }
            else if (draw < 0.65)
            {
                var person = world.Person(world.AdultLivingPerson(ref random));
                (idNumber, name) = (person.IdNumber, person.Name);
            }
            else if (draw < 0.9 && EnterpriseOtherThan(world, core.Index, ref random) is { } holder)
            {
                (creditCode, name) = (holder.CreditCode, holder.Name);
            }
            else
            {
                name = string.Format(CultureInfo.InvariantCulture, random.Pick(ForeignInvestors), random.Pick(ForeignMarks));
            }

            if (!taken.Add(idNumber ?? creditCode ?? name))
            {
                // The same holder drawn twice holds one larger stake.
                var merged = stakes.FindIndex(s => (s.ShareholderIdNumber ?? s.ShareholderCreditCode ?? s.ShareholderName) == (idNumber ?? creditCode ?? name));
                stakes[merged] = Stake(stakes[merged].ShareholderIdNumber, stakes[merged].ShareholderCreditCode, stakes[merged].ShareholderName, capital, stakes[merged].SharePercentage!.Value + percentages[i], ref random);
                continue;
            }

            stakes.Add(Stake(idNumber, creditCode, name, capital, percentages[i], ref random));
        }

        return stakes;
    }

    private static Shareholding Stake(string? idNumber, string? creditCode, string name, Money capital, double percentage, ref DemoRandom random)
    {
        var subscribed = decimal.Round(capital.Value * (decimal)percentage / 100m, 2);
        var paidIn = random.Chance(0.2) ? null
            : random.Chance(0.6) ? new Money(subscribed, capital.Currency)
            : new Money(decimal.Round(subscribed * random.NextInt(1, 10) / 10m, 2), capital.Currency);
        return new Shareholding(idNumber, creditCode, name, new Money(subscribed, capital.Currency), paidIn, Math.Round(percentage, 2));
    }

    /// <summary><paramref name="count"/> shares in hundredths of a percent that add up to exactly 100.</summary>
    private static double[] Percentages(int count, ref DemoRandom random)
    {
        var weights = new int[count];
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = 1 + random.NextInt(9);
            total += weights[i];
        }

        var hundredths = new int[count];
        var given = 0;
        for (var i = 0; i < count - 1; i++)
        {
            hundredths[i] = 10_000 * weights[i] / total;
            given += hundredths[i];
        }

        hundredths[^1] = 10_000 - given;
        return [.. hundredths.Select(h => h / 100.0)];
    }

    private static LegalPersonCore? EnterpriseOtherThan(DemoWorld world, int self, ref DemoRandom random)
    {
        var first = world.Agencies.Count;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = world.LegalPerson(random.NextInt(first, world.LegalPersonCount));
            if (candidate.Index != self && candidate.Kind == WorldKind.Enterprise)
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<AnnualReport> AnnualReportsOf(LegalPerson legalPerson, ref DemoRandom random)
    {
        var reports = new List<AnnualReport>();
        var lastYear = Math.Min(DemoWorld.ReferenceDate.Year - 1, (legalPerson.TerminatedOn?.Year ?? int.MaxValue) - 1);
        var firstYear = Math.Max(legalPerson.EstablishedOn.Year, DemoWorld.ReferenceDate.Year - 5);
        var employees = legalPerson.Kind == LegalPersonKind.Enterprise ? 3 + random.NextInt(200) : 1 + random.NextInt(20);
        var phone = string.Create(CultureInfo.InvariantCulture, $"0574-8{random.NextInt(1_000_000, 10_000_000)}");
        var website = random.Chance(0.25) ? $"https://www.nb{legalPerson.CreditCode[8..16].ToLowerInvariant()}.cn" : null;
        for (var year = lastYear; year >= firstYear; year--)
        {
            if (random.Chance(0.08))
            {
                continue;
            }

            var filed = new DateOnly(year + 1, 1, 1).AddDays(random.NextInt(181));
            employees = Math.Max(1, employees + random.NextInt(-5, 6));
            reports.Add(new AnnualReport(
                year,
                filed,
                random.Chance(0.1) ? null : employees,
                year == lastYear && legalPerson.Status == LegalPersonStatus.Suspended ? "歇业" : "开业",
                phone,
                website));
        }

        return reports;
    }

    private static DateTimeOffset UpdatedAt(DateOnly notBefore, ref DemoRandom random)
    {
        var day = Between(Max(notBefore, new DateOnly(2015, 1, 1)), DemoWorld.ReferenceDate, ref random);
        var china = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8)).AddSeconds(random.NextInt(10 * 3600));
        return china.ToUniversalTime();
    }

    private static DateOnly Between(DateOnly from, DateOnly until, ref DemoRandom random) =>
        from >= until ? until : from.AddDays(random.NextInt(until.DayNumber - from.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
