using Federation.Subgraphs.Spatial.Geo;
using Federation.Subgraphs.Spatial.Store;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Spatial.Tests.Seeding;

/// <summary>The in-memory store's geodesy against PostGIS's geography (the same CGCS2000 ellipsoid) on the seeded parcels.</summary>
public sealed class GeodesyTests
{
    [Fact]
    public async Task Areas_and_distances_agree_with_postgis_geography()
    {
        await using var database = await TestDatabase.CreateAsync("spatial_geodesy", postgis: true, TestContext.Current.CancellationToken, SpatialDataSource.Configure);
        var parcels = TestWorld.Data.Parcels.Take(200).ToList();
        var centre = TestWorld.Data.Addresses[0];

        foreach (var parcel in parcels)
        {
            await using var command = database.DataSource.CreateCommand(
                "SELECT ST_Area(geography(@b)), ST_Distance(geography(@b), geography(ST_SetSRID(ST_MakePoint(@x, @y), 4490)))");
            command.Parameters.Add(Cgcs2000.Parameter("b", parcel.Boundary));
            command.Parameters.AddWithValue("x", centre.Longitude);
            command.Parameters.AddWithValue("y", centre.Latitude);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);

            Assert.Equal(reader.GetDouble(0), Geodesy.Area(parcel.Boundary), reader.GetDouble(0) * 1e-5);
            var distance = reader.GetDouble(1);
            Assert.Equal(distance, Geodesy.Distance(centre.Longitude, centre.Latitude, parcel.Boundary), Math.Max(0.01, distance * 2e-5));
        }
    }
}
