using Federation.GraphQL;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using Federation.Subgraphs.Spatial.Store;
using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Tests.Conformance;

/// <summary>
/// The cases every spatial store must pass, each answer checked against the seeded register
/// (<see cref="TestWorld.Data"/>) worked out by brute force. Read cases share one seeded store per
/// class; each correction case gets a fresh one.
/// </summary>
public abstract class StoreConformance
{
    private static readonly CancellationToken None = CancellationToken.None;

    private protected abstract ISpatialStore Shared { get; }

    private protected abstract Task<RegisterUnderTest> FreshAsync();

    private static RegisterData Data => TestWorld.Data;

    // ---- divisions ----

    [Fact]
    public async Task Divisions_are_found_by_code_in_a_batch_and_unknown_codes_are_left_out()
    {
        var found = await Shared.DivisionsAsync(["330203", "330204", "330299", "330000"], None);

        Assert.Equal(["330000", "330203", "330204"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("海曙区", "浙江省宁波市海曙区", Division.County, "330200"), (found["330203"].Name, found["330203"].FullName, found["330203"].Level, found["330203"].ParentCode));
        Assert.NotNull(found["330203"].Boundary);
        Assert.Equal(new DateOnly(2016, 9, 1), found["330204"].AbolishedOn);
        Assert.Null(found["330204"].Boundary);
        Assert.Null(found["330000"].ParentCode);
    }

    [Fact]
    public async Task Children_are_listed_in_code_order_in_force_unless_asked_otherwise()
    {
        var inForce = await Shared.ChildrenAsync(["", "330000", "330200", "330203"], includeAbolished: false, None);
        var all = await Shared.ChildrenAsync(["330200"], includeAbolished: true, None);

        Assert.Equal(["330000"], inForce[""].Select(d => d.Code));
        Assert.Equal(["330200"], inForce["330000"].Select(d => d.Code));
        Assert.Equal(
            ["330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281", "330282"],
            inForce["330200"].Select(d => d.Code));
        Assert.Empty(inForce["330203"]);
        Assert.Equal(
            ["330203", "330204", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281", "330282", "330283"],
            all["330200"].Select(d => d.Code));
    }

    [Fact]
    public async Task The_division_at_an_address_is_the_county_the_world_put_it_in_and_the_city_and_province_above()
    {
        foreach (var address in Data.Addresses.Take(40))
        {
            Assert.Equal(address.DivisionCode, (await Shared.DivisionAtAsync(address.Longitude, address.Latitude, Division.County, None))?.Code);
            Assert.Equal("330200", (await Shared.DivisionAtAsync(address.Longitude, address.Latitude, Division.Prefecture, None))?.Code);
            Assert.Equal("330000", (await Shared.DivisionAtAsync(address.Longitude, address.Latitude, Division.Province, None))?.Code);
        }
    }

    [Fact]
    public async Task No_division_is_at_a_point_at_sea()
    {
        Assert.Null(await Shared.DivisionAtAsync(123.5, 29.5, Division.County, None));
        Assert.Null(await Shared.DivisionAtAsync(123.5, 29.5, Division.Province, None));
        Assert.Equal("330000", (await Shared.DivisionAtAsync(120.2, 29.2, Division.Province, None))?.Code);
        Assert.Null(await Shared.DivisionAtAsync(120.2, 29.2, Division.County, None));
    }

    // ---- addresses ----

    [Fact]
    public async Task Addresses_are_found_by_id_in_a_batch_as_seeded()
    {
        var wanted = new[] { Data.Addresses[0].Id, "NB999999999", Data.Addresses[^1].Id, Data.Addresses[7].Id };

        var found = await Shared.AddressesAsync(wanted, None);

        Assert.Equal(3, found.Count);
        Assert.Equal(Data.Addresses[0], found[Data.Addresses[0].Id]);
        Assert.Equal(Data.Addresses[^1], found[Data.Addresses[^1].Id]);
        Assert.Equal(Data.Addresses[7], found[Data.Addresses[7].Id]);
    }

    [Fact]
    public async Task A_search_finds_the_addresses_holding_every_term_shortest_first()
    {
        var target = Data.Addresses[11];
        var search = new AddressSearch([target.Road!, target.HouseNumber + "号"], null);

        var page = await Shared.SearchAddressesAsync(search, PageRequest.Create(100, null), None);

        var expected = Data.Addresses
            .Where(a => a.Text.Contains(target.Road!, StringComparison.OrdinalIgnoreCase) && a.Text.Contains(target.HouseNumber + "号", StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.Text.Length).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => a.Id)
            .ToList();
        Assert.Contains(target.Id, expected);
        Assert.Equal(expected, page.Items.Select(a => a.Id));
        Assert.Equal(expected.Count, page.TotalCount);
    }

    [Fact]
    public async Task A_search_stays_within_the_division_and_walks_every_page_without_gaps()
    {
        var search = new AddressSearch(["宁波市"], "330212");
        var expected = Data.Addresses.Where(a => a.DivisionCode == "330212")
            .OrderBy(a => a.Text.Length).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();

        var walked = await WalkAsync(first: 9, page => Shared.SearchAddressesAsync(search, page, None), SortKeys.Search);

        Assert.True(expected.Count > 20);
        Assert.Equal(expected, walked.Items.Select(a => a.Id));
        Assert.All(walked.Totals, total => Assert.Equal(expected.Count, total));
    }

    [Fact]
    public async Task Addresses_near_a_point_are_those_within_the_distance_nearest_first()
    {
        var centre = Data.Addresses[3];
        const double Metres = 5000;
        var expected = Data.Addresses
            .Select(a => (a.Id, Distance: Geodesy.Distance(centre.Longitude, centre.Latitude, a.Longitude, a.Latitude)))
            .Where(a => a.Distance <= Metres)
            .OrderBy(a => a.Distance).ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();

        var walked = await WalkAsync(first: 1, page => Shared.AddressesNearAsync(centre.Longitude, centre.Latitude, Metres, page, None), n => SortKeys.Near(n.DistanceMetres, n.Item.Id));

        Assert.Equal(centre.Id, walked.Items[0].Item.Id);
        Assert.Equal(0, walked.Items[0].DistanceMetres, 6);
        Assert.Equal(expected.Select(e => e.Id), walked.Items.Select(n => n.Item.Id));
        Assert.All(expected.Zip(walked.Items), pair => Assert.Equal(pair.First.Distance, pair.Second.DistanceMetres, 0.05));
    }

    [Fact]
    public async Task Every_address_on_a_parcel_lies_within_that_parcels_boundary()
    {
        var onParcels = Data.Addresses.Where(a => a.ParcelUnitCode is not null).ToList();
        var parcels = await Shared.ParcelsAsync([.. onParcels.Select(a => a.ParcelUnitCode!).Distinct()], None);

        Assert.True(onParcels.Count >= Data.Parcels.Count);
        Assert.All(onParcels, a => Assert.True(parcels[a.ParcelUnitCode!].Boundary.Covers(Cgcs2000.Point(a.Longitude, a.Latitude))));
    }

    // ---- parcels ----

    [Fact]
    public async Task Parcels_are_found_by_unit_code_in_a_batch_as_seeded()
    {
        var parcel = Data.Parcels[5];

        var found = await Shared.ParcelsAsync([parcel.UnitCode, "330203000000GB00000W00000000"], None);

        var only = Assert.Single(found).Value;
        Assert.Equal((parcel.UnitCode, parcel.LandUseCode, parcel.AreaSquareMetres, parcel.DivisionCode, parcel.Location, parcel.UpdatedAt), (only.UnitCode, only.LandUseCode, only.AreaSquareMetres, only.DivisionCode, only.Location, only.UpdatedAt));
        Assert.True(parcel.Boundary.EqualsExact(only.Boundary));
        Assert.Equal(parcel.Rights, only.Rights);
    }

    public static TheoryData<string> Filters() =>
    [
        "none", "county", "city", "land use 07", "land use 0601", "min area", "max area", "area range", "person", "legal person", "updated since", "combined",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Parcels_matching_a_filter_come_in_unit_code_order_over_every_page(string name)
    {
        var filter = FilterNamed(name);
        var expected = Data.Parcels.Where(filter.Matches).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();

        var walked = await WalkAsync(first: 17, page => Shared.ParcelsAsync(filter, null, page, None), SortKeys.Parcel);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, walked.Items.Select(p => p.UnitCode));
        Assert.All(walked.Totals, total => Assert.Equal(expected.Count, total));
    }

    [Fact]
    public async Task Parcels_intersecting_a_box_are_those_whose_boundary_meets_it()
    {
        var box = Cgcs2000.Factory.ToGeometry(new Envelope(121.2, 121.6, 29.6, 29.95));
        var expected = Data.Parcels.Where(p => p.Boundary.Intersects(box)).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();

        var walked = await WalkAsync(first: 10, page => Shared.ParcelsAsync(ParcelFilter.None, box, page, None), SortKeys.Parcel);

        Assert.True(expected.Count > 10);
        Assert.Equal(expected, walked.Items.Select(p => p.UnitCode));
    }

    [Fact]
    public async Task Parcels_intersecting_a_polygon_with_a_filter_are_those_whose_boundary_meets_it()
    {
        var triangle = Cgcs2000.Factory.CreatePolygon([new(121.0, 29.6), new(121.9, 29.7), new(121.4, 30.3), new(121.0, 29.6)]);
        var filter = new ParcelFilter(LandUseCode: "07");
        var expected = Data.Parcels.Where(p => p.Boundary.Intersects(triangle) && filter.Matches(p)).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();

        var page = await Shared.ParcelsAsync(filter, triangle, PageRequest.Create(100, null), None);

        Assert.True(expected.Count > 5);
        Assert.Equal(expected.Take(100), page.Items.Select(p => p.UnitCode));
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Count > 100, page.HasNextPage);
    }

    [Fact]
    public async Task A_box_that_a_parcel_only_touches_at_a_corner_still_finds_it()
    {
        var parcel = Data.Parcels[9];
        var corner = parcel.Boundary.Coordinates[0];
        var box = Cgcs2000.Factory.ToGeometry(new Envelope(corner.X, corner.X + 0.01, corner.Y, corner.Y + 0.01));
        var westOf = Cgcs2000.Factory.ToGeometry(new Envelope(parcel.Boundary.EnvelopeInternal.MinX - 0.01, parcel.Boundary.EnvelopeInternal.MinX - 0.0001, corner.Y - 0.001, corner.Y + 0.001));

        var page = await Shared.ParcelsAsync(ParcelFilter.None, box, PageRequest.Create(100, null), None);
        var beside = await Shared.ParcelsAsync(ParcelFilter.None, westOf, PageRequest.Create(100, null), None);

        Assert.Contains(parcel.UnitCode, page.Items.Select(p => p.UnitCode));
        Assert.DoesNotContain(parcel.UnitCode, beside.Items.Select(p => p.UnitCode));
    }

    [Fact]
    public async Task Parcels_near_a_point_inside_one_start_with_it_at_distance_zero()
    {
        var parcel = Data.Parcels[20];
        var inside = parcel.Boundary.InteriorPoint;
        const double Metres = 4000;
        var expected = Data.Parcels
            .Select(p => (p.UnitCode, Distance: Geodesy.Distance(inside.X, inside.Y, p.Boundary)))
            .Where(p => p.Distance <= Metres)
            .OrderBy(p => p.Distance).ThenBy(p => p.UnitCode, StringComparer.Ordinal)
            .ToList();

        var walked = await WalkAsync(first: 1, page => Shared.ParcelsNearAsync(inside.X, inside.Y, Metres, ParcelFilter.None, page, None), n => SortKeys.Near(n.DistanceMetres, n.Item.UnitCode));

        Assert.Equal(parcel.UnitCode, walked.Items[0].Item.UnitCode);
        Assert.Equal(0, walked.Items[0].DistanceMetres);
        Assert.Equal(expected.Select(e => e.UnitCode), walked.Items.Select(n => n.Item.UnitCode));
        Assert.All(expected.Zip(walked.Items), pair => Assert.Equal(pair.First.Distance, pair.Second.DistanceMetres, 0.05));
    }

    [Fact]
    public async Task Parcels_near_a_point_keep_to_the_filter()
    {
        var parcel = Data.Parcels.First(p => p.LandUseCode == "0701");
        var centre = parcel.Boundary.Centroid;
        var filter = new ParcelFilter(LandUseCode: "07", MinAreaSquareMetres: 2000);
        var expected = Data.Parcels
            .Where(filter.Matches)
            .Select(p => (p.UnitCode, Distance: Geodesy.Distance(centre.X, centre.Y, p.Boundary)))
            .Where(p => p.Distance <= 5000)
            .OrderBy(p => p.Distance).ThenBy(p => p.UnitCode, StringComparer.Ordinal)
            .Select(p => p.UnitCode)
            .ToList();

        var page = await Shared.ParcelsNearAsync(centre.X, centre.Y, 5000, filter, PageRequest.Create(100, null), None);

        Assert.Equal(expected, page.Items.Select(n => n.Item.UnitCode));
        Assert.Equal(expected.Count, page.TotalCount);
    }

    [Fact]
    public async Task The_parcels_of_many_holders_come_in_one_call_each_in_unit_code_order()
    {
        var persons = Data.Parcels.SelectMany(p => p.Rights).Select(r => r.HolderIdNumber).OfType<string>().Distinct().Take(30).ToList();
        persons.Add("110101199003074514");

        var pages = await Shared.ParcelsOfHoldersAsync(HolderKind.Person, persons, null, PageRequest.Create(1, null), None);

        foreach (var person in persons)
        {
            var expected = Data.Parcels.Where(p => p.HasHolder(HolderKind.Person, person)).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Take(1), pages[person].Items.Select(p => p.UnitCode));
            Assert.Equal(expected.Count, pages[person].TotalCount);
            Assert.Equal(expected.Count > 1, pages[person].HasNextPage);
        }
    }

    [Fact]
    public async Task The_parcels_of_a_holder_in_a_callers_division_are_all_that_is_found_and_counted()
    {
        // Rights in land are division-scoped: a district caller sees, counts and pages its district's parcels only.
        var holder = Data.Parcels.SelectMany(p => p.Rights).Select(r => r.HolderIdNumber).OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderByDescending(h => Data.Parcels.Where(p => p.HasHolder(HolderKind.Person, h)).Select(p => p.DivisionCode).Distinct().Count())
            .ThenBy(h => h, StringComparer.Ordinal)
            .First();
        var holdings = Data.Parcels.Where(p => p.HasHolder(HolderKind.Person, holder)).ToList();
        var county = holdings.GroupBy(p => p.DivisionCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var within = holdings.Where(p => p.DivisionCode == county).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();
        var elsewhere = Data.Parcels.Select(p => p.DivisionCode).Except(holdings.Select(p => p.DivisionCode)).Order(StringComparer.Ordinal).First();

        var ofHolder = await Shared.ParcelsOfHoldersAsync(HolderKind.Person, [holder], county, PageRequest.Create(1, null), None);
        var listed = await Shared.ParcelsAsync(new ParcelFilter(HolderIdNumber: holder, CallerDivision: county), null, PageRequest.Create(100, null), None);
        var byCity = await Shared.ParcelsOfHoldersAsync(HolderKind.Person, [holder], "330200", PageRequest.Create(100, null), None);
        var none = await Shared.ParcelsOfHoldersAsync(HolderKind.Person, [holder], elsewhere, PageRequest.Create(100, null), None);
        var noneListed = await Shared.ParcelsAsync(new ParcelFilter(HolderIdNumber: holder, CallerDivision: elsewhere), null, PageRequest.Create(100, null), None);

        Assert.Equal(within.Take(1), ofHolder[holder].Items.Select(p => p.UnitCode));
        Assert.Equal(within.Count, ofHolder[holder].TotalCount);
        Assert.Equal(within, listed.Items.Select(p => p.UnitCode));
        Assert.Equal(within.Count, listed.TotalCount);
        Assert.Equal(holdings.Count(p => p.DivisionCode.StartsWith("3302", StringComparison.Ordinal)), byCity[holder].TotalCount);
        Assert.Equal((0, 0), (none[holder].Items.Count, none[holder].TotalCount));
        Assert.Equal((0, 0), (noneListed.Items.Count, noneListed.TotalCount));
    }

    [Fact]
    public async Task The_parcels_of_a_legal_person_continue_after_a_cursor()
    {
        var holder = Data.Parcels.SelectMany(p => p.Rights).Select(r => r.HolderCreditCode).OfType<string>().First();
        var expected = Data.Parcels.Where(p => p.HasHolder(HolderKind.LegalPerson, holder)).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();

        var first = await Shared.ParcelsOfHoldersAsync(HolderKind.LegalPerson, [holder], null, PageRequest.Create(0, null), None);
        var after = await Shared.ParcelsOfHoldersAsync(HolderKind.LegalPerson, [holder], null, PageRequest.Create(5, [expected[0]]), None);

        Assert.Empty(first[holder].Items);
        Assert.Equal(expected.Count, first[holder].TotalCount);
        Assert.Equal(expected.Skip(1).Take(5), after[holder].Items.Select(p => p.UnitCode));
    }

    [Fact]
    public async Task A_proximity_cursor_whose_distance_is_not_a_number_is_refused()
    {
        var centre = Data.Addresses[0];
        var page = PageRequest.Create(5, ["far", "NB000000001"]);

        var error = await Assert.ThrowsAsync<GraphQLException>(() => Shared.AddressesNearAsync(centre.Longitude, centre.Latitude, 100, page, None));

        Assert.Equal(PagingErrorCodes.InvalidCursor, error.Error.Extensions!["code"]);
    }

    // ---- corrections ----

    [Fact]
    public async Task Correcting_an_address_changes_only_the_given_fields_and_publishes_the_change()
    {
        await using var register = await FreshAsync();
        var address = Data.Addresses.First(a => a.ParcelUnitCode is null && a.Building is not null);
        var parcel = Data.Parcels[0];
        var onParcel = parcel.Boundary.InteriorPoint;
        register.Clock.Now = RegisterUnderTest.Now.AddMinutes(5);

        var corrected = await register.Store.CorrectAddressAsync(
            new AddressCorrection(address.Id, "survey 2026-17", null)
            {
                Road = Optional<string?>.Given("测试路"),
                Building = Optional<string?>.Given(null),
                Room = Optional<string?>.Given(address.Room),
                Coordinates = Optional<Domain.Coordinates>.Given(new Domain.Coordinates(onParcel.X, onParcel.Y)),
            },
            None);

        var expectedFields = parcel.DivisionCode == address.DivisionCode ? new List<string>() : ["division"];
        expectedFields.AddRange(["road", "building", "coordinates", "location", "parcel"]);
        Assert.Equal(expectedFields, corrected.ChangedFields);
        Assert.Contains("parcel", corrected.ChangedFields);
        Assert.DoesNotContain("room", corrected.ChangedFields);
        var stored = (await register.Store.AddressesAsync([address.Id], None))[address.Id];
        Assert.Equal(address with
        {
            Road = "测试路",
            Building = null,
            Longitude = onParcel.X,
            Latitude = onParcel.Y,
            DivisionCode = parcel.DivisionCode,
            ParcelUnitCode = parcel.UnitCode,
            UpdatedAt = RegisterUnderTest.Now.AddMinutes(5),
        }, stored);
        Assert.Equal(stored, corrected.Record);
        var change = Assert.Single(await register.EventsAsync());
        Assert.Equal(("spatial", "Address", address.Id, "survey 2026-17"), (change.Subgraph, change.Type, change.Key, change.Reason));
        Assert.Equal(corrected.ChangedFields, change.ChangedFields);
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_writes_and_publishes_nothing()
    {
        await using var register = await FreshAsync();
        var address = Data.Addresses[2];

        var corrected = await register.Store.CorrectAddressAsync(
            new AddressCorrection(address.Id, "check", null) { Road = Optional<string?>.Given(address.Road) }, None);

        Assert.Empty(corrected.ChangedFields);
        Assert.Equal(address, (await register.Store.AddressesAsync([address.Id], None))[address.Id]);
        Assert.Empty(await register.EventsAsync());
    }

    [Fact]
    public async Task A_correction_naming_a_division_not_in_force_changes_nothing()
    {
        await using var register = await FreshAsync();
        var address = Data.Addresses[4];

        var error = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectAddressAsync(
            new AddressCorrection(address.Id, "merge", null) { Road = Optional<string?>.Given("新路"), DivisionCode = Optional<string>.Given("330204") }, None));

        Assert.Equal(SpatialErrorCodes.InvalidInput, error.Error.Extensions!["code"]);
        Assert.Contains("input.division", error.Message, StringComparison.Ordinal);
        Assert.Equal(address, (await register.Store.AddressesAsync([address.Id], None))[address.Id]);
        Assert.Empty(await register.EventsAsync());
    }

    [Fact]
    public async Task Correcting_records_that_do_not_exist_is_not_found()
    {
        await using var register = await FreshAsync();

        var address = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectAddressAsync(new AddressCorrection("NB999999999", "x", null), None));
        var parcel = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectParcelAsync(new ParcelCorrection("330203000000GB00000W00000000", "x", null), None));

        Assert.Equal(SpatialErrorCodes.NotFound, address.Error.Extensions!["code"]);
        Assert.Equal(SpatialErrorCodes.NotFound, parcel.Error.Extensions!["code"]);
    }

    [Fact]
    public async Task Correcting_a_parcels_boundary_recomputes_its_area_and_division_and_moves_its_rights()
    {
        await using var register = await FreshAsync();
        var parcel = Data.Parcels[1];
        var formerHolder = parcel.Rights[0].HolderIdNumber ?? parcel.Rights[0].HolderCreditCode!;
        var formerKind = parcel.Rights[0].HolderIdNumber is null ? HolderKind.LegalPerson : HolderKind.Person;
        var newHolder = TestWorld.World.LegalPerson(50).CreditCode;
        var county = Data.Divisions.Single(d => d.Code == "330282").Boundary!;
        var centre = county.InteriorPoint;
        var boundary = Cgcs2000.Factory.CreatePolygon([
            new(centre.X, centre.Y), new(centre.X + 0.001, centre.Y), new(centre.X + 0.001, centre.Y + 0.001), new(centre.X, centre.Y + 0.001), new(centre.X, centre.Y)]);
        var rights = new[] { new ParcelRight(null, newHolder, "STATE_CONSTRUCTION_LAND_USE", null, new DateOnly(2026, 1, 1), null) };

        var corrected = await register.Store.CorrectParcelAsync(
            new ParcelCorrection(parcel.UnitCode, "resurvey", "objection-9")
            {
                Boundary = Optional<Geometry>.Given(boundary),
                Rights = Optional<IReadOnlyList<ParcelRight>>.Given(rights),
            },
            None);

        Assert.Equal(["areaSquareMetres", "boundary", "division", "rightHolders"], corrected.ChangedFields);
        Assert.Equal("330282", corrected.Record.DivisionCode);
        Assert.Equal(Geodesy.Area(boundary), corrected.Record.AreaSquareMetres, 0.01);
        var stored = (await register.Store.ParcelsAsync([parcel.UnitCode], None))[parcel.UnitCode];
        Assert.True(stored.Boundary.EqualsExact(boundary));
        Assert.Equal(rights, stored.Rights);
        Assert.Equal(RegisterUnderTest.Now, stored.UpdatedAt);
        var ofNew = await register.Store.ParcelsOfHoldersAsync(HolderKind.LegalPerson, [newHolder], null, PageRequest.Create(100, null), None);
        var ofFormer = await register.Store.ParcelsOfHoldersAsync(formerKind, [formerHolder], null, PageRequest.Create(100, null), None);
        Assert.Contains(parcel.UnitCode, ofNew[newHolder].Items.Select(p => p.UnitCode));
        Assert.DoesNotContain(parcel.UnitCode, ofFormer[formerHolder].Items.Select(p => p.UnitCode));
        var near = await register.Store.ParcelsNearAsync(centre.X + 0.0005, centre.Y + 0.0005, 1, ParcelFilter.None, PageRequest.Create(5, null), None);
        Assert.Equal(parcel.UnitCode, Assert.Single(near.Items).Item.UnitCode);
        var change = Assert.Single(await register.EventsAsync());
        Assert.Equal(("Parcel", parcel.UnitCode, "resurvey"), (change.Type, change.Key, change.Reason));
    }

    [Fact]
    public async Task A_parcel_correction_with_an_explicit_area_keeps_it()
    {
        await using var register = await FreshAsync();
        var parcel = Data.Parcels[2];

        var corrected = await register.Store.CorrectParcelAsync(
            new ParcelCorrection(parcel.UnitCode, "registered area", null)
            {
                AreaSquareMetres = Optional<double>.Given(1234.5),
                LandUseCode = Optional<string>.Given("0505"),
                Location = Optional<string?>.Given(null),
            },
            None);

        Assert.Equal(["landUse", "areaSquareMetres", "location"], corrected.ChangedFields);
        var stored = (await register.Store.ParcelsAsync([parcel.UnitCode], None))[parcel.UnitCode];
        Assert.Equal((1234.5, "0505", (string?)null), (stored.AreaSquareMetres, stored.LandUseCode, stored.Location));
        var filtered = await register.Store.ParcelsAsync(new ParcelFilter(MinAreaSquareMetres: 1234.5, MaxAreaSquareMetres: 1234.5), null, PageRequest.Create(10, null), None);
        Assert.Equal([parcel.UnitCode], filtered.Items.Select(p => p.UnitCode));
        var since = await register.Store.ParcelsAsync(new ParcelFilter(UpdatedSince: RegisterUnderTest.Now), null, PageRequest.Create(10, null), None);
        Assert.Equal([parcel.UnitCode], since.Items.Select(p => p.UnitCode));
    }

    [Fact]
    public async Task A_parcel_boundary_in_no_county_is_refused_and_changes_nothing()
    {
        await using var register = await FreshAsync();
        var parcel = Data.Parcels[3];
        var atSea = Cgcs2000.Factory.CreatePolygon([new(123.0, 29.0), new(123.01, 29.0), new(123.01, 29.01), new(123.0, 29.0)]);

        var error = await Assert.ThrowsAsync<GraphQLException>(() => register.Store.CorrectParcelAsync(
            new ParcelCorrection(parcel.UnitCode, "x", null) { Boundary = Optional<Geometry>.Given(atSea), LandUseCode = Optional<string>.Given("0601") }, None));

        Assert.Equal(SpatialErrorCodes.InvalidInput, error.Error.Extensions!["code"]);
        var stored = (await register.Store.ParcelsAsync([parcel.UnitCode], None))[parcel.UnitCode];
        Assert.True(stored.Boundary.EqualsExact(parcel.Boundary));
        Assert.Equal(parcel.LandUseCode, stored.LandUseCode);
        Assert.Empty(await register.EventsAsync());
    }

    // ---- harness ----

    private static ParcelFilter FilterNamed(string name)
    {
        var person = Data.Parcels.SelectMany(p => p.Rights).Select(r => r.HolderIdNumber).OfType<string>().Skip(3).First();
        var legalPerson = Data.Parcels.SelectMany(p => p.Rights).Select(r => r.HolderCreditCode).OfType<string>().Skip(2).First();
        var updated = Data.Parcels.Select(p => p.UpdatedAt).Order().ElementAt(Data.Parcels.Count / 2);
        return name switch
        {
            "none" => ParcelFilter.None,
            "county" => new ParcelFilter(DivisionCode: "330212"),
            "city" => new ParcelFilter(DivisionCode: "330200"),
            "land use 07" => new ParcelFilter(LandUseCode: "07"),
            "land use 0601" => new ParcelFilter(LandUseCode: "0601"),
            "min area" => new ParcelFilter(MinAreaSquareMetres: 5000),
            "max area" => new ParcelFilter(MaxAreaSquareMetres: 3000),
            "area range" => new ParcelFilter(MinAreaSquareMetres: 2000, MaxAreaSquareMetres: 6000),
            "person" => new ParcelFilter(HolderIdNumber: person),
            "legal person" => new ParcelFilter(HolderCreditCode: legalPerson),
            "updated since" => new ParcelFilter(UpdatedSince: updated),
            _ => new ParcelFilter(DivisionCode: "330200", LandUseCode: "0", MinAreaSquareMetres: 1000, UpdatedSince: updated),
        };
    }

    /// <summary>Every page of a list from the first, each continuing after the last one's last cursor; checks no item repeats.</summary>
    private static async Task<(List<T> Items, List<int> Totals)> WalkAsync<T>(int first, Func<PageRequest, Task<Page<T>>> fetch, Func<T, string[]> sortKeyOf)
    {
        var items = new List<T>();
        var totals = new List<int>();
        string[]? after = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await fetch(PageRequest.Create(first, after));
            Assert.True(page.Items.Count <= first);
            items.AddRange(page.Items);
            totals.Add(page.TotalCount);
            if (!page.HasNextPage)
            {
                Assert.Equal(page.TotalCount, items.Count);
                Assert.Equal(items.Count, items.Select(i => string.Join('|', sortKeyOf(i))).Distinct().Count());
                return (items, totals);
            }

            Assert.Equal(first, page.Items.Count);
            after = sortKeyOf(page.Items[^1]);
        }

        throw new InvalidOperationException("The list did not end.");
    }
}
