using System.Text.Json.Nodes;

namespace Federation.Subgraphs.Spatial.Tests.Http;

/// <summary>The service on PostgreSQL: batches are one SQL statement each, counted from Npgsql's command log.</summary>
public sealed class PostgresHttpTests : IAsyncLifetime
{
    private SpatialServer server = null!;

    public async ValueTask InitializeAsync() => server = await SpatialServer.PostgresAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_batch_of_100_address_entities_is_one_sql_round_trip_answered_in_order_with_nulls()
    {
        var ids = TestWorld.Data.Addresses.Take(98).Select(a => a.Id).ToList();
        ids.Insert(10, "NB999999998");
        ids.Add("NB999999999");
        var representations = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["__typename"] = "Address", ["id"] = id })]);
        server.Commands.Reset();

        var response = await server.PostAsync(
            """
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on Address { id text division { code } } }
            }
            """,
            new { representations });

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        Assert.Equal(100, entities.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].StartsWith("NB99999999", StringComparison.Ordinal))
            {
                Assert.Null(entities[i]);
            }
            else
            {
                Assert.Equal(ids[i], entities[i]!["id"]!.GetValue<string>());
            }
        }

        // One statement for the addresses, one for all their divisions.
        Assert.Equal(2, server.Commands.Executed.Count);
    }

    [Fact]
    public async Task The_parcels_of_50_persons_are_one_sql_round_trip()
    {
        var persons = TestWorld.Data.Parcels.SelectMany(p => p.Rights).Select(r => r.HolderIdNumber).OfType<string>().Distinct().Take(50).ToList();
        var representations = new JsonArray([.. persons.Select(id => (JsonNode)new JsonObject { ["__typename"] = "Person", ["idNumber"] = id })]);
        server.Commands.Reset();

        var response = await server.PostAsync(
            """
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on Person { idNumber parcels(first: 2) { totalCount edges { node { unitCode } } } } }
            }
            """,
            new { representations });

        var entities = response.DataWithoutErrors["_entities"]!.AsArray();
        for (var i = 0; i < persons.Count; i++)
        {
            var expected = TestWorld.Data.Parcels.Where(p => p.HasHolder(Domain.HolderKind.Person, persons[i])).Select(p => p.UnitCode).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(persons[i], entities[i]!["idNumber"]!.GetValue<string>());
            Assert.Equal(expected.Count, entities[i]!["parcels"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(expected.Take(2), entities[i]!["parcels"]!["edges"]!.AsArray().Select(e => e!["node"]!["unitCode"]!.GetValue<string>()));
        }

        Assert.Single(server.Commands.Executed);
    }

    [Fact]
    public async Task A_list_of_parcels_asking_for_divisions_and_right_holders_costs_one_statement_per_level()
    {
        server.Commands.Reset();

        var response = await server.PostAsync(
            """
            { parcels(first: 50) { totalCount edges { node { unitCode areaSquareMetres division { code parent { code } } rightHolders { kind holder { __typename } } } } } }
            """);

        Assert.Equal(50, response.DataWithoutErrors["parcels"]!["edges"]!.AsArray().Count);
        Assert.Equal(TestWorld.Data.Parcels.Count, response.DataWithoutErrors["parcels"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(3, server.Commands.Executed.Count);
    }

    [Fact]
    public async Task The_seed_was_loaded_by_copy_and_reads_back_as_the_in_memory_seed()
    {
        var parcel = TestWorld.Data.Parcels[17];
        var address = TestWorld.Data.Addresses[^1];

        var response = await server.PostAsync(
            """
            query ($code: String!, $id: ID!) {
              parcel(unitCode: $code) { unitCode areaSquareMetres location landUse { code } }
              address(id: $id) { id text postalCode coordinates { longitude latitude } parcel { unitCode } }
              parcels(first: 0) { totalCount }
              searchAddresses(text: "浙江省", first: 0) { totalCount }
            }
            """,
            new { code = parcel.UnitCode, id = address.Id });

        var data = response.DataWithoutErrors;
        Assert.Equal(TestWorld.Data.Parcels.Count, data["parcels"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(TestWorld.Data.Addresses.Count, data["searchAddresses"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(parcel.AreaSquareMetres, data["parcel"]!["areaSquareMetres"]!.GetValue<double>());
        Assert.Equal(parcel.Location, data["parcel"]!["location"]!.GetValue<string>());
        Assert.Equal(parcel.LandUseCode, data["parcel"]!["landUse"]!["code"]!.GetValue<string>());
        Assert.Equal(address.Text, data["address"]!["text"]!.GetValue<string>());
        Assert.Equal(address.Longitude, data["address"]!["coordinates"]!["longitude"]!.GetValue<double>());
        Assert.Equal(address.ParcelUnitCode, data["address"]!["parcel"]?["unitCode"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_correction_is_written_with_its_change_event_in_the_outbox_and_published()
    {
        var address = TestWorld.Data.Addresses[5];

        var response = await server.PostAsync(
            """
            mutation ($id: ID!) { correctAddress(input: { id: $id, reason: "objection 12", postalCode: "315999" }) { changedFields address { postalCode } } }
            """,
            new { id = address.Id });

        Assert.Equal("315999", response.DataWithoutErrors["correctAddress"]!["address"]!["postalCode"]!.GetValue<string>());
        var change = await WaitForChangeAsync();
        Assert.Equal(("spatial", "Address", address.Id, "objection 12"), (change.Subgraph, change.Type, change.Key, change.Reason));
        Assert.Equal(["postalCode"], change.ChangedFields);
    }

    private async Task<Hosting.Changes.ChangeEvent> WaitForChangeAsync()
    {
        // The outbox relay publishes after the commit, in the background.
        for (var i = 0; i < 100 && server.Changes.Recent.Count == 0; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return Assert.Single(server.Changes.Recent);
    }
}
