using System.Globalization;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;

namespace Federation.Subgraphs.Licences.Seeding;

/// <summary>
/// The licence library of the demo world: deterministic (the world's seed; this subgraph's random
/// streams <c>licences/person</c>, <c>licences/legal-person</c>, <c>licences/marriage</c>) and
/// consistent with the other registers — holders are persons and legal persons of the world with
/// their names, persons are adults alive on the world's reference date, spouses on a marriage
/// certificate are each other's, a household register belongs to the household's head and gives
/// its number and address, a business licence is numbered by the credit code and issued by the
/// enterprise's registration authority, and every licence is issued by the world's agency of the
/// role its type names (the county's where there is one, else the city's).
/// <para>
/// Statuses are as of <see cref="DemoWorld.ReferenceDate"/> (2025-06-30), a fixed day rather than
/// today, so the same seed gives the same library on any day: EXPIRED exactly when the last valid
/// day is before it. Each licence is sealed by its issuer when the library recorded its present
/// status (issue, expiry or decision day, 09:00 China Standard Time), or on the day the library
/// opened (<see cref="LibraryOpened"/>) for licences older than electronic seals, which it took in then.
/// Each seal's salt comes from the stream of the licence's number (<see cref="SealSalt.Seeded"/>).
/// </para>
/// <para>
/// Holders are processed one by one (legal persons, then persons), so the count is near, not
/// exactly, <see cref="DemoWorld.LicenceCount"/>: about one licence per enterprise plus one for
/// every two or three adults.
/// </para>
/// </summary>
internal sealed class LicenceSeed
{
    /// <summary>The day the demo's electronic licence library opened and took in the paper licences in force.</summary>
    public static readonly DateOnly LibraryOpened = new(2019, 1, 1);

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly DemoWorld world;
    private readonly Sealer sealer;
    private readonly DateOnly today = DemoWorld.ReferenceDate;
    private readonly (string CreditCode, string Name)[] agencies;

    public LicenceSeed(DemoWorld world, Sealer sealer)
    {
        this.world = world;
        this.sealer = sealer;
        agencies = [.. world.Agencies.Select(a => (world.LegalPerson(a.Index).CreditCode, a.Name))];
    }

    public DemoWorld World => world;

    /// <summary>Holders in seed order: legal persons first (after the agencies), then persons.</summary>
    public int HolderCount => world.LegalPersonCount - world.Agencies.Count + world.PersonCount;

    /// <summary>Every licence, in seed order, sealed; made in parallel in chunks of holders, in order.</summary>
    public IEnumerable<Licence> All(int chunk = 4096)
    {
        for (var start = 0; start < HolderCount; start += chunk)
        {
            var end = Math.Min(HolderCount, start + chunk);
            var licences = Enumerable.Range(start, end - start)
                .AsParallel()
                .AsOrdered()
                .SelectMany(OfHolder)
                .ToList();
            foreach (var licence in licences)
            {
                yield return licence;
            }
        }
    }

    /// <summary>The seals of the world's agencies that the keyring holds (each agency's certificate).</summary>
    public IEnumerable<SealKey> Seals(ISealKeyring keyring)
    {
        for (var i = 0; i < agencies.Length; i++)
        {
            if (keyring.For(agencies[i].CreditCode, agencies[i].Name) is { } key)
            {
                yield return key;
            }
        }
    }

    /// <summary>The licences of the holder at <paramref name="position"/> in seed order.</summary>
    public IReadOnlyList<Licence> OfHolder(int position)
    {
        var legalPersons = world.LegalPersonCount - world.Agencies.Count;
        return position < legalPersons
            ? OfLegalPerson(world.Agencies.Count + position)
            : OfPerson(position - legalPersons);
    }

    private List<Licence> OfLegalPerson(int index)
    {
        var licences = new List<Licence>();
        var holder = world.LegalPerson(index);
        if (holder.RepresentativeIndex is not { } representativeIndex)
        {
            return licences;
        }

        var random = world.Random("licences/legal-person", index);
        var representative = world.Person(representativeIndex).Name;
        var domicile = world.Address(holder.AddressIndex).Text;
        var sector = holder.Sector ?? "";
        switch (holder.Kind)
        {
            case LegalPersonKind.Enterprise or LegalPersonKind.Other:
                licences.Add(BusinessLicence(holder, representative, domicile, ref random));
                break;
            case LegalPersonKind.SocialOrganisation:
                licences.Add(SocialOrganisationCertificate(holder, representative, domicile, ref random));
                return licences;
            default:
                return licences;
        }

        if (random.Chance(sector is "食品" or "餐饮管理" or "水产" ? 0.7 : 0.05))
        {
            licences.Add(FoodBusinessLicence(holder, representative, domicile, ref random));
        }

        if (random.Chance(sector == "医药" ? 0.6 : 0.01))
        {
            licences.Add(DrugBusinessLicence(holder, representative, domicile, ref random));
        }

        if (random.Chance(sector is "建设" or "房地产开发" ? 0.7 : 0.01))
        {
            licences.Add(ConstructionQualification(holder, representative, ref random));
        }

        if (random.Chance(sector is "物流" or "港口服务" ? 0.7 : 0.01))
        {
            licences.Add(RoadTransportPermit(holder, representative, domicile, ref random));
        }

        if (random.Chance(sector is "餐饮管理" ? 0.5 : 0.02))
        {
            licences.Add(HygieneLicence(holder, representative, domicile, ref random));
        }

        return licences;
    }

    private List<Licence> OfPerson(int index)
    {
        var licences = new List<Licence>();
        var person = world.Person(index);
        if (person.IsDeceased || person.AgeOn(today) < 18)
        {
            return licences;
        }

        var random = world.Random("licences/person", index);
        var household = world.Household(person.HouseholdIndex);
        var address = world.Address(household.AddressIndex);
        if (household.HeadIndex == index && random.Chance(0.9))
        {
            licences.Add(HouseholdRegister(person, household, address, ref random));
        }

        if (random.Chance(0.45))
        {
            licences.Add(DrivingLicence(person, address, ref random));
        }

        if (Spouse(person, household) is { } spouse && random.Chance(0.95) && MarriageCertificate(person, spouse, address) is { } marriage)
        {
            licences.Add(marriage);
        }

        if (household.HeadIndex == index && random.Chance(0.6))
        {
            licences.Add(RealEstateTitle(person, address, ref random));
        }

        if (person.AgeOn(today) is >= 26 and <= 65 && random.Chance(0.01))
        {
            licences.Add(PhysicianPracticeCertificate(person, ref random));
        }

        return licences;
    }

    private Licence BusinessLicence(LegalPersonCore holder, string representative, string domicile, ref DemoRandom random)
    {
        var type = LicenceCatalogue.BusinessLicence;
        var established = holder.EstablishedOn;
        var issuedOn = Between(ref random, established, Min(established.AddYears(10), today));
        DateOnly? termEnd = random.Chance(0.3) ? established.AddYears(20).AddDays(-1) : null;
        var capital = (10 + (random.NextInt(500) * 10)).ToString(CultureInfo.InvariantCulture);
        var enterpriseType = holder.Kind == LegalPersonKind.Other ? "农民专业合作社" : "有限责任公司（自然人投资或控股）";
        return Issue(
            type,
            holder.CreditCode,
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            holder.RegistrationAuthorityIndex,
            issuedOn,
            established,
            termEnd,
            ref random,
            [
                ("enterpriseType", enterpriseType),
                ("legalRepresentative", representative),
                ("registeredCapital", capital + "万元人民币"),
                ("establishedOn", FullDate.Format(established)),
                ("businessTerm", Chinese(established) + "至" + (termEnd is { } end ? Chinese(end) : "长期")),
                ("domicile", domicile),
                ("businessScope", $"一般项目：{Sector(holder)}相关技术开发、技术服务、技术咨询；{Sector(holder)}产品销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"),
            ]);
    }

    private Licence SocialOrganisationCertificate(LegalPersonCore holder, string representative, string domicile, ref DemoRandom random)
    {
        var type = LicenceCatalogue.SocialOrganisationCertificate;
        var issuedOn = Between(ref random, Max(holder.EstablishedOn, today.AddYears(-6)), today);
        var funds = (3 + random.NextInt(50)).ToString(CultureInfo.InvariantCulture);
        return Issue(
            type,
            holder.CreditCode,
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            AgencyOf(type, holder.DivisionCode),
            issuedOn,
            issuedOn,
            issuedOn.AddYears(5).AddDays(-1),
            ref random,
            [
                ("legalRepresentative", representative),
                ("businessScope", $"{Sector(holder)}行业交流、业务培训、咨询服务、行业自律"),
                ("domicile", domicile),
                ("activityArea", "宁波市"),
                ("registeredFunds", funds + "万元"),
                ("supervisoryUnit", "宁波市工商业联合会"),
            ]);
    }

    private Licence FoodBusinessLicence(LegalPersonCore holder, string representative, string domicile, ref DemoRandom random)
    {
        var type = LicenceCatalogue.FoodBusinessLicence;
        var issuedOn = Between(ref random, Max(holder.EstablishedOn, today.AddYears(-7)), today);
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"JY1{holder.DivisionCode}{holder.Index:D8}"),
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            AgencyOf(type, holder.DivisionCode),
            issuedOn,
            issuedOn,
            issuedOn.AddYears(5).AddDays(-1),
            ref random,
            [
                ("legalRepresentative", representative),
                ("domicile", domicile),
                ("premises", domicile),
                ("businessFormat", random.Pick(["食品销售经营者（商场超市）", "餐饮服务经营者（小型餐馆）", "单位食堂（职工食堂）", "食品销售经营者（网络经营）"])),
                ("businessItems", random.Pick(["预包装食品（含冷藏冷冻食品）销售", "热食类食品制售", "散装食品（不含熟食）销售", "热食类食品制售；冷食类食品制售"])),
                ("supervisingAuthority", "属地市场监督管理所"),
            ]);
    }

    private Licence DrugBusinessLicence(LegalPersonCore holder, string representative, string domicile, ref DemoRandom random)
    {
        var type = LicenceCatalogue.DrugBusinessLicence;
        var issuedOn = Between(ref random, Max(holder.EstablishedOn, today.AddYears(-7)), today);
        var principal = world.Person(world.AdultLivingPerson(ref random)).Name;
        var quality = world.Person(world.AdultLivingPerson(ref random)).Name;
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"浙CB{holder.Index:D7}"),
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            AgencyOf(type, holder.DivisionCode),
            issuedOn,
            issuedOn,
            issuedOn.AddYears(5).AddDays(-1),
            ref random,
            [
                ("legalRepresentative", representative),
                ("principal", principal),
                ("qualityPrincipal", quality),
                ("registeredAddress", domicile),
                ("businessMode", "药品零售"),
                ("businessScope", random.Pick(["中药饮片、中成药、化学药、生物制品", "中成药、化学药", "中药饮片、中成药、化学药"])),
            ]);
    }

    private Licence ConstructionQualification(LegalPersonCore holder, string representative, ref DemoRandom random)
    {
        var type = LicenceCatalogue.ConstructionQualification;
        var issuedOn = Between(ref random, Max(holder.EstablishedOn, today.AddYears(-7)), today);
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"D3{holder.DivisionCode}{holder.Index:D7}"),
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            AgencyOf(type, holder.DivisionCode),
            issuedOn,
            issuedOn,
            issuedOn.AddYears(5).AddDays(-1),
            ref random,
            [
                ("legalRepresentative", representative),
                ("economicNature", "有限责任公司"),
                ("qualification", random.Pick(["建筑工程施工总承包三级", "市政公用工程施工总承包三级", "建筑装修装饰工程专业承包二级", "施工劳务不分等级"])),
                ("registeredCapital", (100 + (random.NextInt(300) * 10)).ToString(CultureInfo.InvariantCulture) + "万元人民币"),
            ]);
    }

    private Licence RoadTransportPermit(LegalPersonCore holder, string representative, string domicile, ref DemoRandom random)
    {
        var type = LicenceCatalogue.RoadTransportPermit;
        var issuedOn = Between(ref random, Max(holder.EstablishedOn, today.AddYears(-6)), today);
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"浙交运管许可甬字{holder.DivisionCode}{holder.Index:D7}号"),
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            AgencyOf(type, holder.DivisionCode),
            issuedOn,
            issuedOn,
            issuedOn.AddYears(4).AddDays(-1),
            ref random,
            [
                ("principal", representative),
                ("address", domicile),
                ("economicType", "有限责任公司"),
                ("businessScope", random.Pick(["道路普通货物运输", "道路普通货物运输；货物专用运输（集装箱）", "道路危险货物运输（第3类）"])),
            ]);
    }

    private Licence HygieneLicence(LegalPersonCore holder, string representative, string domicile, ref DemoRandom random)
    {
        var type = LicenceCatalogue.HygieneLicence;
        var issuedOn = Between(ref random, Max(holder.EstablishedOn, today.AddYears(-6)), today);
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"浙卫公证字[{issuedOn.Year}]第{holder.DivisionCode}{holder.Index:D7}号"),
            Domain.LicenceHolder.LegalPerson(holder.CreditCode),
            holder.Name,
            AgencyOf(type, holder.DivisionCode),
            issuedOn,
            issuedOn,
            issuedOn.AddYears(4).AddDays(-1),
            ref random,
            [
                ("legalRepresentative", representative),
                ("address", domicile),
                ("licensedItems", random.Pick(["公共场所（住宿场所）", "公共场所（美容美发场所）", "公共场所（沐浴场所）", "公共场所（游泳场所）"])),
            ]);
    }

    private Licence HouseholdRegister(PersonCore head, HouseholdCore household, AddressCore address, ref DemoRandom random)
    {
        var type = LicenceCatalogue.HouseholdRegister;
        var issuedOn = Between(ref random, Max(head.BirthDate.AddYears(18), new DateOnly(2000, 1, 1)), today);
        return Issue(
            type,
            "HK" + household.Number,
            Domain.LicenceHolder.Person(head.IdNumber),
            head.Name,
            AgencyOf(type, address.DivisionCode),
            issuedOn,
            issuedOn,
            null,
            ref random,
            [
                ("householdNumber", household.Number),
                ("householdKind", household.Kind == HouseholdKind.Collective ? "集体户" : "家庭户"),
                ("address", address.Text),
                ("memberCount", household.MemberCount.ToString(CultureInfo.InvariantCulture)),
            ]);
    }

    private Licence DrivingLicence(PersonCore person, AddressCore address, ref DemoRandom random)
    {
        var type = LicenceCatalogue.DrivingLicence;
        var adult = person.BirthDate.AddYears(18);
        var firstIssued = Between(ref random, Max(adult, new DateOnly(1990, 1, 1)), today);

        // Renewed every six years, then ten, then without limit (GA/T 公安部令第162号): the licence held is the last issued.
        var issuedOn = firstIssued;
        var years = 6;
        while (issuedOn.AddYears(years) <= today && years != 0 && random.Chance(0.9))
        {
            issuedOn = issuedOn.AddYears(years);
            years = years == 6 ? 10 : 0;
        }

        var file = string.Create(CultureInfo.InvariantCulture, $"3302{person.Index:D8}");
        return Issue(
            type,
            person.IdNumber,
            Domain.LicenceHolder.Person(person.IdNumber),
            person.Name,
            AgencyOf(type, address.DivisionCode),
            issuedOn,
            issuedOn,
            years == 0 ? null : issuedOn.AddYears(years).AddDays(-1),
            ref random,
            [
                ("gender", person.Gender == Gender.Male ? "男" : "女"),
                ("nationality", "中国"),
                ("birthDate", FullDate.Format(person.BirthDate)),
                ("address", address.Text),
                ("firstIssuedOn", FullDate.Format(firstIssued)),
                ("vehicleClass", random.PickWeighted<string>([("C1", 70), ("C2", 10), ("B2", 5), ("A2", 3), ("A1", 2), ("D", 5), ("C1E", 5)])),
                ("fileNumber", file),
            ]);
    }

    /// <summary>The person's certificate of the couple's marriage; null when they are not both of marriageable age (22 and 20) yet.</summary>
    private Licence? MarriageCertificate(PersonCore person, PersonCore spouse, AddressCore address)
    {
        // Both spouses' certificates come from the couple's stream, so they agree on the day.
        var husband = person.Gender == Gender.Male ? person : spouse;
        var wife = person.Gender == Gender.Male ? spouse : person;
        var couple = world.Random("licences/marriage", Math.Min(person.Index, spouse.Index));
        var earliest = Max(Max(husband.BirthDate.AddYears(22), wife.BirthDate.AddYears(20)), new DateOnly(1980, 1, 1));
        if (earliest > today)
        {
            return null;
        }

        var registeredOn = Between(ref couple, earliest, Min(earliest.AddYears(8), today));
        var type = LicenceCatalogue.MarriageCertificate;
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"J{address.DivisionCode}-{registeredOn.Year}-{person.Index:D8}"),
            Domain.LicenceHolder.Person(person.IdNumber),
            person.Name,
            AgencyOf(type, address.DivisionCode),
            registeredOn,
            registeredOn,
            null,
            ref couple,
            [
                ("registeredOn", FullDate.Format(registeredOn)),
                ("spouseName", spouse.Name),
                ("spouseIdNumber", spouse.IdNumber),
            ],
            settled: true);
    }

    private Licence RealEstateTitle(PersonCore head, AddressCore address, ref DemoRandom random)
    {
        var type = LicenceCatalogue.RealEstateTitle;
        var issuedOn = Between(ref random, Min(Max(head.BirthDate.AddYears(22), new DateOnly(2016, 1, 1)), today), today);
        var landFrom = issuedOn.AddYears(-random.NextInt(15));
        var area = (50 + random.NextInt(13000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"浙({issuedOn.Year})宁波市不动产权第{head.Index:D8}号"),
            Domain.LicenceHolder.Person(head.IdNumber),
            head.Name,
            AgencyOf(type, address.DivisionCode),
            issuedOn,
            issuedOn,
            null,
            ref random,
            [
                ("location", address.Text),
                ("unitNumber", string.Create(CultureInfo.InvariantCulture, $"{address.DivisionCode}{random.NextInt(1000):D3}{random.NextInt(1000):D3}GB{random.NextInt(100000):D5}F{head.Index:D8}")),
                ("rightType", "国有建设用地使用权/房屋所有权"),
                ("rightNature", "出让/市场化商品房"),
                ("use", "城镇住宅用地/住宅"),
                ("area", $"共有宗地面积/房屋建筑面积{area}㎡"),
                ("termOfUse", $"国有建设用地使用权 {Chinese(landFrom)}起{Chinese(landFrom.AddYears(70).AddDays(-1))}止"),
                ("coOwnership", "单独所有"),
            ],
            settled: true);
    }

    private Licence PhysicianPracticeCertificate(PersonCore person, ref DemoRandom random)
    {
        var type = LicenceCatalogue.PhysicianPracticeCertificate;
        var issuedOn = Between(ref random, Max(person.BirthDate.AddYears(26), new DateOnly(2000, 1, 1)), today);
        var (category, scope) = random.Pick<(string, string)>(
            [("临床", "内科专业"), ("临床", "外科专业"), ("临床", "儿科专业"), ("中医", "中医专业"), ("口腔", "口腔专业"), ("公共卫生", "公共卫生类别专业")]);
        return Issue(
            type,
            string.Create(CultureInfo.InvariantCulture, $"1103302{person.Index:D8}"),
            Domain.LicenceHolder.Person(person.IdNumber),
            person.Name,
            AgencyOf(type, "330200"),
            issuedOn,
            issuedOn,
            null,
            ref random,
            [
                ("practiceCategory", category),
                ("practiceScope", scope),
                ("practiceInstitution", Hospital(ref random)),
            ]);
    }

    /// <summary>
    /// A licence of <paramref name="type"/> as of the reference date, sealed. Licences with a last
    /// valid day before it are EXPIRED; of the others a few were suspended, revoked or cancelled
    /// on a day between issue and the reference date, unless <paramref name="settled"/> (records
    /// of status, such as a marriage certificate, that no issuer withdraws in the demo).
    /// </summary>
    private Licence Issue(
        LicenceType type,
        string number,
        Domain.LicenceHolder holder,
        string holderName,
        int agencyIndex,
        DateOnly issuedOn,
        DateOnly validFrom,
        DateOnly? validUntil,
        ref DemoRandom random,
        (string Key, string Value)[] values,
        bool settled = false)
    {
        var status = validUntil < today ? LicenceStatus.Expired : LicenceStatus.Valid;
        var recordedOn = status == LicenceStatus.Expired ? validUntil!.Value.AddDays(1) : issuedOn;
        if (status == LicenceStatus.Valid && !settled && random.Chance(0.04))
        {
            status = random.PickWeighted<LicenceStatus>([(LicenceStatus.Suspended, 2), (LicenceStatus.Revoked, 1), (LicenceStatus.Cancelled, 2)]);
            recordedOn = Between(ref random, issuedOn, today);
        }

        var items = new List<LicenceItem>(values.Length);
        foreach (var definition in type.ItemDefinitions)
        {
            foreach (var (key, value) in values)
            {
                if (key == definition.Key)
                {
                    items.Add(new LicenceItem(key, definition.Label, value));
                }
            }
        }

        var recordedAt = new DateTimeOffset(Max(recordedOn, LibraryOpened).ToDateTime(new TimeOnly(9, 0)), ChinaStandardTime).ToUniversalTime();
        var (agencyCode, agencyName) = agencies[agencyIndex];
        var licence = new Licence(
            number, type, holder, holderName, agencyCode, agencyName, issuedOn, validFrom, validUntil, status, items, ElectronicSeal.Unsealed, recordedAt);
        return sealer.Reseal(licence, recordedAt, SealSalt.Seeded(world, number));
    }

    private int AgencyOf(LicenceType type, string divisionCode) =>
        world.AgencyOf(Enum.Parse<AgencyRole>(type.AgencyRole), divisionCode);

    private PersonCore? Spouse(PersonCore person, HouseholdCore household)
    {
        if (household.Kind != HouseholdKind.Family)
        {
            return null;
        }

        PersonCore? spouse = null;
        if (person.RelationToHead == HouseholdRelation.Spouse)
        {
            spouse = world.Person(household.HeadIndex);
        }
        else if (person.RelationToHead == HouseholdRelation.Head)
        {
            for (var i = household.FirstMember; i < household.FirstMember + household.MemberCount; i++)
            {
                if (i != person.Index && world.Person(i) is { RelationToHead: HouseholdRelation.Spouse } member)
                {
                    spouse = member;
                    break;
                }
            }
        }

        return spouse is { IsDeceased: false } && spouse.Gender != person.Gender && spouse.AgeOn(today) >= 20 ? spouse : null;
    }

    /// <summary>A hospital or health centre of the world, by name; the city's first hospital when a few draws find none.</summary>
    private string Hospital(ref DemoRandom random)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var candidate = world.LegalPerson(world.Agencies.Count + random.NextInt(world.LegalPersonCount - world.Agencies.Count));
            if (candidate.Kind == LegalPersonKind.PublicInstitution && (candidate.Name.EndsWith("医院", StringComparison.Ordinal) || candidate.Name.EndsWith("卫生服务中心", StringComparison.Ordinal)))
            {
                return candidate.Name;
            }
        }

        return "宁波市第一医院";
    }

    private static string Sector(LegalPersonCore holder) => holder.Sector is { Length: > 0 } sector ? sector : "农产品";

    private static DateOnly Between(ref DemoRandom random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.NextInt(to.DayNumber - from.DayNumber + 1));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Chinese(DateOnly date) => date.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture);
}
