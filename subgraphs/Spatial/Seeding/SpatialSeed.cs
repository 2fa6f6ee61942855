using System.Globalization;
using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Quadtree;
using NetTopologySuite.Index.Strtree;

namespace Federation.Subgraphs.Spatial.Seeding;

/// <summary>
/// The spatial register of a demo world, deterministic for a world's seed and size:
/// <list type="bullet">
/// <item>divisions from <see cref="DivisionBoundaries"/>;</item>
/// <item>one parcel for every fifth person (<see cref="DemoWorld.ParcelCount"/>), each a small
/// rotated rectangle (30–120 m a side) around an address spread evenly over the address list: a
/// household's home or a legal person's premises. A rectangle that would overlap one laid before it,
/// or cross a county boundary, is halved, then left out — so parcels never overlap and each lies in
/// the county of its address;</item>
/// <item>rights from the world: a home's parcel is held by the household head (with the spouse,
/// jointly or in shares, in some households), premises by the legal person there;</item>
/// <item>every address of the world, on the parcel that covers its position if any.</item>
/// </list>
/// </summary>
internal sealed class SpatialSeed
{
    /// <summary>When the seeded records were last changed: the world's reference day, at noon in China.</summary>
    private static readonly DateTimeOffset Reference = new(DemoWorld.ReferenceDate.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);

    private readonly DemoWorld world;
    private readonly Lazy<(IReadOnlyList<Parcel> Parcels, STRtree<Parcel> Index)> parcels;

    public SpatialSeed(DemoWorld world)
    {
        this.world = world;
        parcels = new(LayParcels);
    }

    public IReadOnlyList<Division> Divisions => DivisionBoundaries.All;

    public IReadOnlyList<Parcel> Parcels => parcels.Value.Parcels;

    public int AddressCount => world.AddressCount;

    /// <summary>The whole register in memory (for the in-memory store and for tests).</summary>
    public RegisterData Register() => new(Divisions, Addresses(0, world.AddressCount), Parcels);

    /// <summary>The addresses from <paramref name="start"/>, made in parallel (each is made on its own).</summary>
    public Address[] Addresses(int start, int count)
    {
        var addresses = new Address[count];
        Parallel.For(0, count, i => addresses[i] = Address(start + i));
        return addresses;
    }

    /// <summary>The address of the world at <paramref name="index"/>, on its parcel; made on its own so a large world streams.</summary>
    public Address Address(int index)
    {
        var core = world.Address(index);
        var point = Cgcs2000.Point(core.Longitude, core.Latitude);
        string? parcel = null;
        foreach (var candidate in parcels.Value.Index.Query(point.EnvelopeInternal))
        {
            if (candidate.Boundary.Covers(point) && (parcel is null || string.CompareOrdinal(candidate.UnitCode, parcel) < 0))
            {
                parcel = candidate.UnitCode;
            }
        }

        var random = world.Random("spatial-address", index);
        return new Address(
            core.Id,
            core.Text,
            core.DivisionCode,
            core.Township,
            core.Community,
            core.Road,
            core.HouseNumber,
            core.Building,
            core.Unit,
            core.Room,
            core.PostalCode,
            core.Longitude,
            core.Latitude,
            parcel,
            Reference.AddDays(-random.NextInt(3 * 365)).AddSeconds(random.NextInt(8 * 3600)));
    }

    private (IReadOnlyList<Parcel>, STRtree<Parcel>) LayParcels()
    {
        var counties = Divisions.Where(d => d.Level == Division.County && d.Boundary is not null).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var laid = new Quadtree<Geometry>();
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Parcel>(world.ParcelCount);

        // Drafts are independent of one another and made in parallel; laying them (which depends
        // on those laid before) goes in index order, so the outcome is the same on any machine.
        var drafts = new ParcelDraft[world.ParcelCount];
        Parallel.For(0, drafts.Length, i => drafts[i] = Draft(i));
        foreach (var draft in drafts)
        {
            var county = counties[draft.Address.DivisionCode].Boundary!;
            var boundary = draft.Candidates.FirstOrDefault(c => county.Covers(c) && !laid.Query(c.EnvelopeInternal).Any(other => other.Intersects(c)));
            if (boundary is null)
            {
                continue;
            }

            laid.Insert(boundary.EnvelopeInternal, boundary);
            var address = draft.Address;
            var zone = address.DivisionCode + Zone(address.Township) + "001";
            var sequence = sequences[zone] = sequences.GetValueOrDefault(zone) + 1;
            result.Add(new Parcel(
                ParcelUnitCode.Of(zone, draft.Rights[0].Kind, sequence),
                draft.LandUse,
                Math.Round(Geodesy.Area(boundary), 2),
                boundary,
                address.DivisionCode,
                $"浙江省宁波市{NingboDivisions.Find(address.DivisionCode)!.Name}{address.Township}{address.Road}{address.HouseNumber}号",
                draft.Rights,
                draft.UpdatedAt));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.UnitCode, b.UnitCode));
        var index = new STRtree<Parcel>();
        foreach (var parcel in result)
        {
            index.Insert(parcel.Boundary.EnvelopeInternal, parcel);
        }

        index.Build();
        return (result, index);
    }

    /// <summary>What parcel <paramref name="index"/> would be: its address, its rectangle and the same halved (tried in that order), its use and rights.</summary>
    private ParcelDraft Draft(int index)
    {
        var addressIndex = (int)((long)index * world.AddressCount / world.ParcelCount);
        var address = world.Address(addressIndex);
        var random = world.Random("parcel", index);
        var halfWidth = 15 + random.NextInt(46);
        var halfHeight = 15 + random.NextInt(46);
        var angle = random.NextDouble() * Math.PI / 2;
        var offsetX = (random.NextDouble() - 0.5) * halfWidth;
        var offsetY = (random.NextDouble() - 0.5) * halfHeight;
        Polygon[] candidates =
        [
            Rectangle(address.Longitude, address.Latitude, halfWidth, halfHeight, angle, offsetX, offsetY),
            Rectangle(address.Longitude, address.Latitude, halfWidth / 2.0, halfHeight / 2.0, angle, offsetX / 2, offsetY / 2),
        ];
        var (landUse, rights) = Use(addressIndex, ref random);
        var updatedAt = Reference.AddDays(-random.NextInt(5 * 365)).AddSeconds(random.NextInt(8 * 3600));
        return new ParcelDraft(address, candidates, landUse, rights, updatedAt);
    }

    private sealed record ParcelDraft(AddressCore Address, Polygon[] Candidates, string LandUse, IReadOnlyList<ParcelRight> Rights, DateTimeOffset UpdatedAt);

    /// <summary>A rectangle in metres around a point (the point offset from its centre), as longitude/latitude rounded to 1e-7° (about 1 cm).</summary>
    private static Polygon Rectangle(double longitude, double latitude, double halfWidth, double halfHeight, double angle, double offsetX, double offsetY)
    {
        var (east, north) = Geodesy.MetresPerDegree(latitude);
        var (sin, cos) = Math.SinCos(angle);
        var corners = new Coordinate[5];
        (double X, double Y)[] local = [(-halfWidth, -halfHeight), (halfWidth, -halfHeight), (halfWidth, halfHeight), (-halfWidth, halfHeight)];
        for (var i = 0; i < 4; i++)
        {
            var x = local[i].X + offsetX;
            var y = local[i].Y + offsetY;
            corners[i] = new Coordinate(
                Math.Round(longitude + (((x * cos) - (y * sin)) / east), 7),
                Math.Round(latitude + (((x * sin) + (y * cos)) / north), 7));
        }

        corners[4] = corners[0].Copy();
        return Cgcs2000.Factory.CreatePolygon(corners);
    }

    /// <summary>The land use and rights of the parcel at an address: a home's or a legal person's premises.</summary>
    private (string LandUse, IReadOnlyList<ParcelRight> Rights) Use(int addressIndex, ref DemoRandom random)
    {
        var from = new DateOnly(1995, 1, 1).AddDays(random.NextInt(DemoWorld.ReferenceDate.DayNumber - new DateOnly(1995, 1, 1).DayNumber));
        if (addressIndex < world.HouseholdCount)
        {
            var household = world.Household(addressIndex);
            var head = world.Person(household.HeadIndex).IdNumber;
            var spouse = Enumerable.Range(household.FirstMember, household.MemberCount)
                .Select(world.Person)
                .FirstOrDefault(p => p.RelationToHead == HouseholdRelation.Spouse && !p.IsDeceased);
            var (landUse, kind, until) = random.PickWeighted<(string, string, DateOnly?)>(
            [
                (("0701", "STATE_CONSTRUCTION_LAND_USE", from.AddYears(70)), 70),
                (("0702", "HOMESTEAD_USE", null), 20),
                (("0103", "LAND_CONTRACT", from.AddYears(30)), 7),
                (("0201", "LAND_CONTRACT", from.AddYears(30)), 3),
            ]);
            if (spouse is null || random.Chance(0.4))
            {
                return (landUse, [new ParcelRight(head, null, kind, null, from, until)]);
            }

            double? share = random.Chance(0.5) ? 50 : null;
            return (landUse, [new ParcelRight(head, null, kind, share, from, until), new ParcelRight(spouse.IdNumber, null, kind, share, from, until)]);
        }

        var legalPerson = world.LegalPerson(addressIndex - world.HouseholdCount);
        var (use, rightKind, years) = legalPerson.Kind switch
        {
            LegalPersonKind.Agency => ("0801", "STATE_CONSTRUCTION_LAND_USE", (int?)null),
            LegalPersonKind.PublicInstitution => (random.Pick(["0803", "0805", "0807"]), "STATE_CONSTRUCTION_LAND_USE", (int?)50),
            LegalPersonKind.SocialOrganisation => ("0505", "STATE_CONSTRUCTION_LAND_USE", 40),
            LegalPersonKind.Other => ("1202", "COLLECTIVE_CONSTRUCTION_LAND_USE", 20),
            _ => random.PickWeighted<(string, string, int?)>(
                [(("0601", "STATE_CONSTRUCTION_LAND_USE", 50), 40), (("0505", "STATE_CONSTRUCTION_LAND_USE", 40), 25),
                 (("0501", "STATE_CONSTRUCTION_LAND_USE", 40), 20), (("0604", "STATE_CONSTRUCTION_LAND_USE", 50), 15)]),
        };
        return (use, [new ParcelRight(null, legalPerson.CreditCode, rightKind, null, from, years is { } y ? from.AddYears(y) : null)]);
    }

    /// <summary>A cadastral zone number (地籍区, 001–999) for a township, from its name.</summary>
    private static string Zone(string township)
    {
        var hash = 2166136261u;
        foreach (var c in township)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (1 + (hash % 999)).ToString("D3", CultureInfo.InvariantCulture);
    }
}
