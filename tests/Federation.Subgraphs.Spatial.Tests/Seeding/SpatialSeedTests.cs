using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using Federation.Subgraphs.Spatial.Seeding;
using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Tests.Seeding;

/// <summary>The seed drawn from the demo world: deterministic, consistent with the world, geometrically sound.</summary>
public sealed class SpatialSeedTests
{
    private static RegisterData Data => TestWorld.Data;

    [Fact]
    public void The_same_world_gives_the_same_register()
    {
        var again = new SpatialSeed(new DemoWorld(TestWorld.Persons));

        Assert.Equal(Data.Parcels.Count, again.Parcels.Count);
        Assert.All(Data.Parcels.Zip(again.Parcels), pair =>
        {
            Assert.Equal(pair.First with { Boundary = pair.Second.Boundary, Rights = pair.Second.Rights }, pair.Second);
            Assert.True(pair.First.Boundary.EqualsExact(pair.Second.Boundary));
            Assert.Equal(pair.First.Rights, pair.Second.Rights);
        });
        Assert.Equal(Data.Addresses[^1], again.Address(Data.Addresses.Count - 1));
    }

    [Fact]
    public void County_boundaries_tile_the_city_and_agree_with_the_world_on_every_address()
    {
        var city = Data.Divisions.Single(d => d.Code == "330200").Boundary!;
        var counties = Data.Divisions.Where(d => d.Level == Division.County && d.InForce).ToList();

        Assert.Equal(10, counties.Count);
        Assert.Equal(city.Area, counties.Sum(c => c.Boundary!.Area), 1e-9);
        for (var i = 0; i < counties.Count; i++)
        {
            for (var j = i + 1; j < counties.Count; j++)
            {
                Assert.True(counties[i].Boundary!.Intersection(counties[j].Boundary!).Area < 1e-12, $"{counties[i].Code} overlaps {counties[j].Code}");
            }
        }

        foreach (var address in Data.Addresses)
        {
            var point = Cgcs2000.Point(address.Longitude, address.Latitude);
            Assert.Equal(address.DivisionCode, Assert.Single(counties, c => c.Boundary!.Covers(point)).Code);
        }
    }

    [Fact]
    public void The_province_contains_the_city_and_abolished_divisions_have_no_boundary()
    {
        var province = Data.Divisions.Single(d => d.Code == "330000");
        var city = Data.Divisions.Single(d => d.Code == "330200");

        Assert.True(province.Boundary!.Covers(city.Boundary!));
        Assert.All(Data.Divisions.Where(d => !d.InForce), d => Assert.Null(d.Boundary));
        Assert.All(Data.Divisions.Where(d => d.InForce), d => Assert.True(d.Boundary!.IsValid));
        Assert.All(Data.Divisions.Where(d => d.InForce), d => Assert.True(d.Boundary!.Covers(Cgcs2000.Point(d.CentreLongitude, d.CentreLatitude)), d.Code));
    }

    [Fact]
    public void Parcels_are_small_valid_and_never_overlap_each_lying_in_its_county()
    {
        var counties = Data.Divisions.Where(d => d.Level == Division.County && d.InForce).ToDictionary(d => d.Code);
        var tree = new NetTopologySuite.Index.Strtree.STRtree<Parcel>();
        foreach (var parcel in Data.Parcels)
        {
            tree.Insert(parcel.Boundary.EnvelopeInternal, parcel);
        }

        Assert.True(Data.Parcels.Count >= TestWorld.World.ParcelCount * 0.95);
        foreach (var parcel in Data.Parcels)
        {
            Assert.True(parcel.Boundary is Polygon { IsValid: true });
            Assert.InRange(parcel.AreaSquareMetres, 100, 15_000);
            Assert.Equal(Math.Round(Geodesy.Area(parcel.Boundary), 2), parcel.AreaSquareMetres);
            Assert.True(counties[parcel.DivisionCode].Boundary!.Covers(parcel.Boundary));
            Assert.Single(tree.Query(parcel.Boundary.EnvelopeInternal), other => other.Boundary.Intersects(parcel.Boundary));
        }
    }

    [Fact]
    public void Unit_codes_are_unique_28_character_codes_of_the_parcels_county()
    {
        Assert.Equal(Data.Parcels.Count, Data.Parcels.Select(p => p.UnitCode).Distinct().Count());
        Assert.All(Data.Parcels, p =>
        {
            Assert.Equal(ParcelUnitCode.Length, p.UnitCode.Length);
            Assert.StartsWith(p.DivisionCode, p.UnitCode, StringComparison.Ordinal);
            Assert.Matches("^[0-9]{12}[GJ][ABCDW][0-9]{5}W00000000$", p.UnitCode);
        });
    }

    [Fact]
    public void Right_holders_are_persons_and_legal_persons_of_the_world_at_the_parcels_address()
    {
        var world = TestWorld.World;
        var persons = Enumerable.Range(0, world.PersonCount).Select(world.Person).ToDictionary(p => p.IdNumber);
        var legalPersons = Enumerable.Range(0, world.LegalPersonCount).Select(world.LegalPerson).ToDictionary(l => l.CreditCode);

        foreach (var parcel in Data.Parcels)
        {
            Assert.True(LandUse.IsKnown(parcel.LandUseCode));
            Assert.NotEmpty(parcel.Rights);
            foreach (var right in parcel.Rights)
            {
                Assert.Contains(right.Kind, ParcelRight.Kinds);
                Assert.True((right.HolderIdNumber is null) != (right.HolderCreditCode is null));
                if (right.HolderIdNumber is { } id)
                {
                    Assert.False(persons[id].IsDeceased);
                }
                else
                {
                    Assert.Contains(right.HolderCreditCode!, legalPersons.Keys);
                }
            }

            var shares = parcel.Rights.Where(r => r.SharePercentage is not null).Sum(r => r.SharePercentage!.Value);
            Assert.True(shares is 0 or 100);
        }
    }

    [Fact]
    public void Addresses_are_the_worlds_and_those_on_a_parcel_say_so()
    {
        var world = TestWorld.World;

        Assert.Equal(world.AddressCount, Data.Addresses.Count);
        for (var i = 0; i < Data.Addresses.Count; i += 37)
        {
            var core = world.Address(i);
            var address = Data.Addresses[i];
            Assert.Equal((core.Id, core.Text, core.DivisionCode, core.Longitude, core.Latitude), (address.Id, address.Text, address.DivisionCode, address.Longitude, address.Latitude));
        }

        var onParcels = Data.Addresses.Count(a => a.ParcelUnitCode is not null);
        Assert.True(onParcels >= Data.Parcels.Count, $"{onParcels} addresses on {Data.Parcels.Count} parcels");
    }
}
