using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Spatial.Tests.Http;

/// <summary>The GraphQL API over HTTP, on the in-memory store: the SDL, fields, validation, corrections and signatures.</summary>
public sealed class SpatialApiTests : IAsyncLifetime
{
    private SpatialServer server = null!;

    public async ValueTask InitializeAsync() => server = await SpatialServer.InMemoryAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_service_answers_its_sdl_as_the_schema_file_has_it()
    {
        var response = await server.PostAsync("{ _service { sdl } }");

        Assert.Equal(RepositoryFile.Read("schema/spatial.graphql"), response.DataWithoutErrors["_service"]!["sdl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_division_answers_its_parent_children_boundary_and_centre()
    {
        var response = await server.PostAsync(
            """
            {
              city: division(code: "330200") { name fullName level parent { code } children { code } boundary centre abolishedOn }
              gone: division(code: "330204") { name abolishedOn boundary children { code } }
              none: division(code: "330299") { code }
              provinces: divisions { code }
              counties: divisions(parent: "330200", includeAbolished: true) { code }
            }
            """);

        var data = response.DataWithoutErrors;
        Assert.Equal("浙江省宁波市", data["city"]!["fullName"]!.GetValue<string>());
        Assert.Equal("PREFECTURE", data["city"]!["level"]!.GetValue<string>());
        Assert.Equal("330000", data["city"]!["parent"]!["code"]!.GetValue<string>());
        Assert.Equal(10, data["city"]!["children"]!.AsArray().Count);
        Assert.Equal("Polygon", data["city"]!["boundary"]!["type"]!.GetValue<string>());
        Assert.Equal("Point", data["city"]!["centre"]!["type"]!.GetValue<string>());
        Assert.Null(data["city"]!["abolishedOn"]);
        Assert.Equal("2016-09-01", data["gone"]!["abolishedOn"]!.GetValue<string>());
        Assert.Null(data["gone"]!["boundary"]);
        Assert.Null(data["none"]);
        Assert.Equal(["330000"], data["provinces"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()));
        Assert.Equal(12, data["counties"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_address_answers_every_field_with_its_division_and_parcel()
    {
        var address = TestWorld.Data.Addresses.First(a => a.ParcelUnitCode is not null && a.Unit is not null);

        var response = await server.PostAsync(
            """
            query ($id: ID!) {
              address(id: $id) {
                id text division { code } township community road houseNumber building unit room postalCode
                coordinates { longitude latitude } location parcel { unitCode } updatedAt
              }
            }
            """,
            new { id = address.Id });

        var found = response.DataWithoutErrors["address"]!;
        Assert.Equal(
            (address.Text, address.DivisionCode, address.Township, address.Community, address.Road, address.HouseNumber, address.Building, address.Unit, address.Room, address.PostalCode),
            (found["text"]!.GetValue<string>(), found["division"]!["code"]!.GetValue<string>(), found["township"]!.GetValue<string>(), found["community"]!.GetValue<string>(),
             found["road"]!.GetValue<string>(), found["houseNumber"]!.GetValue<string>(), found["building"]!.GetValue<string>(), found["unit"]!.GetValue<string>(),
             found["room"]!.GetValue<string>(), found["postalCode"]!.GetValue<string>()));
        Assert.Equal(address.Longitude, found["coordinates"]!["longitude"]!.GetValue<double>());
        Assert.Equal(address.Latitude, found["location"]!["coordinates"]![1]!.GetValue<double>());
        Assert.Equal(address.ParcelUnitCode, found["parcel"]!["unitCode"]!.GetValue<string>());
        Assert.Equal(Hosting.Scalars.Rfc3339DateTime.Format(address.UpdatedAt), found["updatedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_parcel_answers_its_land_use_boundary_and_right_holders_as_persons_and_legal_persons()
    {
        var shared = TestWorld.Data.Parcels.First(p => p.Rights.Count == 2 && p.Rights[0].SharePercentage is not null);
        var corporate = TestWorld.Data.Parcels.First(p => p.Rights[0].HolderCreditCode is not null);

        var response = await server.PostAsync(
            """
            query ($a: String!, $b: String!) {
              a: parcel(unitCode: $a) { ...parcel }
              b: parcel(unitCode: $b) { ...parcel }
            }
            fragment parcel on Parcel {
              unitCode landUse { code name } areaSquareMetres boundary division { code } location updatedAt
              rightHolders { kind sharePercentage validFrom validUntil holder { __typename ... on Person { idNumber } ... on LegalPerson { creditCode } } }
            }
            """,
            new { a = shared.UnitCode, b = corporate.UnitCode });

        var a = response.DataWithoutErrors["a"]!;
        Assert.Equal(28, a["unitCode"]!.GetValue<string>().Length);
        Assert.Equal(Domain.LandUse.Of(shared.LandUseCode).Name, a["landUse"]!["name"]!.GetValue<string>());
        Assert.Equal("Polygon", a["boundary"]!["type"]!.GetValue<string>());
        Assert.Equal(5, a["boundary"]!["coordinates"]![0]!.AsArray().Count);
        Assert.Equal(["Person", "Person"], a["rightHolders"]!.AsArray().Select(r => r!["holder"]!["__typename"]!.GetValue<string>()));
        Assert.Equal(shared.Rights.Select(r => r.HolderIdNumber), a["rightHolders"]!.AsArray().Select(r => r!["holder"]!["idNumber"]!.GetValue<string>()));
        Assert.Equal(50, a["rightHolders"]![0]!["sharePercentage"]!.GetValue<double>());
        var b = response.DataWithoutErrors["b"]!;
        Assert.Equal("LegalPerson", b["rightHolders"]![0]!["holder"]!["__typename"]!.GetValue<string>());
        Assert.Equal(corporate.Rights[0].HolderCreditCode, b["rightHolders"]![0]!["holder"]!["creditCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Spatial_queries_answer_connections_with_cursors_that_continue()
    {
        var parcel = TestWorld.Data.Parcels[4];
        var inside = parcel.Boundary.InteriorPoint;

        var first = await server.PostAsync(
            """
            query ($lon: Float!, $lat: Float!) {
              divisionAt(point: { longitude: $lon, latitude: $lat }) { code }
              parcelsNear(point: { longitude: $lon, latitude: $lat }, distanceMetres: 5000, first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { unitCode } } }
              addressesNear(point: { longitude: $lon, latitude: $lat }, distanceMetres: 5000, first: 1) { totalCount edges { node { id } } }
              parcelsInBox(box: { west: 121.0, south: 29.5, east: 121.8, north: 30.2 }, filter: { landUseCode: "07" }, first: 3) { totalCount edges { node { unitCode } } }
            }
            """,
            new { lon = inside.X, lat = inside.Y });

        var data = first.DataWithoutErrors;
        Assert.Equal(parcel.DivisionCode, data["divisionAt"]!["code"]!.GetValue<string>());
        Assert.Equal(parcel.UnitCode, data["parcelsNear"]!["edges"]![0]!["node"]!["unitCode"]!.GetValue<string>());
        Assert.True(data["parcelsInBox"]!["totalCount"]!.GetValue<int>() > 3);
        if (data["parcelsNear"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
        {
            var next = await server.PostAsync(
                """
                query ($lon: Float!, $lat: Float!, $after: String) {
                  parcelsNear(point: { longitude: $lon, latitude: $lat }, distanceMetres: 5000, first: 1, after: $after) { edges { node { unitCode } } }
                }
                """,
                new { lon = inside.X, lat = inside.Y, after = data["parcelsNear"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });
            Assert.NotEqual(parcel.UnitCode, next.DataWithoutErrors["parcelsNear"]!["edges"]![0]!["node"]!["unitCode"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_polygon_query_takes_a_geojson_polygon_or_multipolygon()
    {
        var response = await server.PostAsync(
            """
            query ($polygon: GeoJSON!, $multi: GeoJSON!) {
              p: parcelsInPolygon(polygon: $polygon, first: 0) { totalCount }
              m: parcelsInPolygon(polygon: $multi, first: 0) { totalCount }
            }
            """,
            new
            {
                polygon = new { type = "Polygon", coordinates = new[] { new[] { new[] { 121.0, 29.5 }, new[] { 121.8, 29.5 }, new[] { 121.8, 30.2 }, new[] { 121.0, 30.2 }, new[] { 121.0, 29.5 } } } },
                multi = new { type = "MultiPolygon", coordinates = new[] { new[] { new[] { new[] { 121.0, 29.5 }, new[] { 121.8, 29.5 }, new[] { 121.8, 30.2 }, new[] { 121.0, 30.2 }, new[] { 121.0, 29.5 } } } } },
            });

        var inBox = TestWorld.Data.Parcels.Count(p => p.Boundary.Intersects(Geo.Cgcs2000.Factory.ToGeometry(new NetTopologySuite.Geometries.Envelope(121.0, 121.8, 29.5, 30.2))));
        Assert.Equal(inBox, response.DataWithoutErrors["p"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(inBox, response.DataWithoutErrors["m"]!["totalCount"]!.GetValue<int>());
    }

    public static TheoryData<string, string, string> BadArguments() => new()
    {
        { """{ parcelsInPolygon(polygon: {type: "Point", coordinates: [121.5, 29.8]}) { totalCount } }""", "INVALID_GEOMETRY", "must be a GeoJSON Polygon or MultiPolygon, not Point" },
        { """{ parcelsInPolygon(polygon: {type: "Polygon", coordinates: [[[121.0, 29.0], [121.5, 29.5], [121.5, 29.0], [121.0, 29.5], [121.0, 29.0]]]}) { totalCount } }""", "INVALID_GEOMETRY", "is not a valid area" },
        { """{ parcelsNear(point: {longitude: 121.5, latitude: 29.8}, distanceMetres: 5001) { totalCount } }""", "INVALID_INPUT", "`distanceMetres` must lie in [0, 5000] metres." },
        { """{ addressesNear(point: {longitude: 181, latitude: 29.8}, distanceMetres: 10) { totalCount } }""", "INVALID_INPUT", "`point.longitude` must lie in [-180, 180] degrees." },
        { """{ parcelsInBox(box: {west: 121.8, south: 29.5, east: 121.0, north: 30.2}) { totalCount } }""", "INVALID_INPUT", "west ≤ east" },
        { """{ parcels(first: 101) { totalCount } }""", "INVALID_PAGE_SIZE", "`first` must be between 0 and 100" },
        { """{ parcels(after: "bm90IGEgY3Vyc29y") { totalCount } }""", "INVALID_CURSOR", "`after` is not a cursor of this list" },
        { """{ searchAddresses(text: "   ") { totalCount } }""", "INVALID_INPUT", "`text` must hold at least one term." },
        { """{ parcels(filter: {minAreaSquareMetres: 10, maxAreaSquareMetres: 5}) { totalCount } }""", "INVALID_INPUT", "`minAreaSquareMetres` above `maxAreaSquareMetres`" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task A_bad_argument_is_refused_with_a_code_naming_the_rule(string query, string code, string message)
    {
        var response = await server.PostAsync(query);

        var error = Assert.Single(response.Errors)!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadScalars() => new()
    {
        { """{ parcels(filter: {holderIdNumber: "330203194005253970"}) { totalCount } }""", "check" },
        { """{ parcels(filter: {holderCreditCode: "91330200MA2AAAAAA0"}) { totalCount } }""", "CreditCode" },
        { """{ division(code: "33020") { code } }""", "DivisionCode must be 6 digits (GB/T 2260)." },
        { """{ parcels(filter: {updatedSince: "2025-13-01T00:00:00Z"}) { totalCount } }""", "DateTime" },
    };

    [Theory]
    [MemberData(nameof(BadScalars))]
    public async Task An_invalid_scalar_is_a_validation_error_naming_its_rule(string query, string rule)
    {
        var response = await server.PostAsync(query);

        var error = Assert.Single(response.Errors)!;
        Assert.Null(response.Data);
        Assert.Contains(rule, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correcting_a_parcel_validates_the_rights_and_publishes_the_change()
    {
        var parcel = TestWorld.Data.Parcels[6];
        var person = TestWorld.World.Person(12).IdNumber;
        var legalPerson = TestWorld.World.LegalPerson(40).CreditCode;

        var refused = await server.PostAsync(
            """
            mutation ($code: String!, $person: IdNumber!, $legal: CreditCode!) {
              correctParcel(input: { unitCode: $code, reason: "x", rightHolders: [{ idNumber: $person, creditCode: $legal, kind: OTHER, validFrom: "2020-01-01" }] }) { changedFields }
            }
            """,
            new { code = parcel.UnitCode, person, legal = legalPerson });
        var corrected = await server.PostAsync(
            """
            mutation ($code: String!, $person: IdNumber!, $legal: CreditCode!) {
              correctParcel(input: {
                unitCode: $code, reason: "contract 2026-3", landUseCode: "0601",
                rightHolders: [
                  { idNumber: $person, kind: STATE_CONSTRUCTION_LAND_USE, sharePercentage: 60, validFrom: "2020-01-01", validUntil: "2070-01-01" },
                  { creditCode: $legal, kind: STATE_CONSTRUCTION_LAND_USE, sharePercentage: 40, validFrom: "2020-01-01" }]
              }) { changedFields parcel { landUse { code name } rightHolders { sharePercentage holder { __typename } } } }
            }
            """,
            new { code = parcel.UnitCode, person, legal = legalPerson });

        Assert.Equal("INVALID_INPUT", refused.ErrorCodes.Single());
        Assert.Contains("exactly one of `idNumber`", refused.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var payload = corrected.DataWithoutErrors["correctParcel"]!;
        Assert.Equal(["landUse", "rightHolders"], payload["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("工业用地", payload["parcel"]!["landUse"]!["name"]!.GetValue<string>());
        Assert.Equal(["Person", "LegalPerson"], payload["parcel"]!["rightHolders"]!.AsArray().Select(r => r!["holder"]!["__typename"]!.GetValue<string>()));
        var change = Assert.Single(server.Changes.Recent);
        Assert.Equal(("Parcel", parcel.UnitCode, "contract 2026-3"), (change.Type, change.Key, change.Reason));
        var holders = await server.PostAsync(
            """
            query ($legal: CreditCode!) { parcels(filter: { holderCreditCode: $legal }) { edges { node { unitCode } } } }
            """,
            new { legal = legalPerson });
        Assert.Contains(parcel.UnitCode, holders.DataWithoutErrors["parcels"]!["edges"]!.AsArray().Select(e => e!["node"]!["unitCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Correcting_an_address_cannot_clear_what_the_register_requires()
    {
        var address = TestWorld.Data.Addresses[8];

        var response = await server.PostAsync(
            """
            mutation ($id: ID!) { correctAddress(input: { id: $id, reason: "x", road: "新路", text: null }) { changedFields } }
            """,
            new { id = address.Id });

        Assert.Equal("INVALID_INPUT", response.ErrorCodes.Single());
        Assert.Empty(server.Changes.Recent);
        var after = await server.PostAsync("""query ($id: ID!) { address(id: $id) { road } }""", new { id = address.Id });
        Assert.Equal(address.Road, after.DataWithoutErrors["address"]!["road"]!.GetValue<string>());
    }

    [Fact]
    public async Task Entities_of_every_type_resolve_by_key()
    {
        var parcel = TestWorld.Data.Parcels[0];
        var representations = new JsonArray(
            new JsonObject { ["__typename"] = "AdministrativeDivision", ["code"] = "330212" },
            new JsonObject { ["__typename"] = "Parcel", ["unitCode"] = parcel.UnitCode },
            new JsonObject { ["__typename"] = "LegalPerson", ["creditCode"] = parcel.Rights[0].HolderCreditCode ?? TestWorld.World.LegalPerson(0).CreditCode },
            new JsonObject { ["__typename"] = "Parcel", ["unitCode"] = "none" });

        var response = await server.PostAsync(
            """
            query ($r: [_Any!]!) {
              _entities(representations: $r) {
                __typename
                ... on AdministrativeDivision { name }
                ... on Parcel { unitCode }
                ... on LegalPerson { parcels { totalCount } }
              }
            }
            """,
            new { r = representations });

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        Assert.Equal("鄞州区", entities[0]!["name"]!.GetValue<string>());
        Assert.Equal(parcel.UnitCode, entities[1]!["unitCode"]!.GetValue<string>());
        Assert.Equal("LegalPerson", entities[2]!["__typename"]!.GetValue<string>());
        Assert.Null(entities[3]);
    }

    // ---- gateway signature ----

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        using var response = await server.Unsigned.SendAsync(Query("{ division(code: \"330200\") { name } }"), TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("SIGNATURE_MISSING", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_signed_with_another_secret_is_refused()
    {
        var request = Query("{ division(code: \"330200\") { name } }");
        await new GatewaySignature("another-secret-that-is-long-enough-for-hmac-sha256").SignAsync(request, SignedGraphQLClient.DefaultCaller, TestContext.Current.CancellationToken);

        using var response = await server.Unsigned.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("SIGNATURE_INVALID", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_signature_is_refused()
    {
        var request = Query("{ division(code: \"330200\") { name } }");
        await new GatewaySignature(SignedGraphQLClient.Secret, new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-5))).SignAsync(request, SignedGraphQLClient.DefaultCaller, TestContext.Current.CancellationToken);

        using var response = await server.Unsigned.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("SIGNATURE_EXPIRED", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_request_is_refused()
    {
        var request = Query("{ division(code: \"330200\") { name } }");
        await new GatewaySignature(SignedGraphQLClient.Secret).SignAsync(request, SignedGraphQLClient.DefaultCaller, TestContext.Current.CancellationToken);
        var replay = Query("{ division(code: \"330200\") { name } }");
        foreach (var header in request.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var first = await server.Unsigned.SendAsync(request, TestContext.Current.CancellationToken);
        using var second = await server.Unsigned.SendAsync(replay, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(401, (int)second.StatusCode);
        Assert.Contains("SIGNATURE_REPLAYED", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_setting_serves_unsigned_requests()
    {
        await using var open = await SpatialServer.InMemoryAsync(new Dictionary<string, string?> { ["GatewaySignature:RequireGatewaySignature"] = "false" });

        using var response = await open.Unsigned.SendAsync(Query("{ division(code: \"330200\") { name } }"), TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("宁波市", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_is_ready_once_its_register_is_loaded()
    {
        using var response = await server.Unsigned.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
    }

    private static HttpRequestMessage Query(string query) => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
