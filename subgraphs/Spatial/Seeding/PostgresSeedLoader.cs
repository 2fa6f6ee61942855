using Federation.Storage;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using Federation.Subgraphs.Spatial.Store;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Spatial.Seeding;

/// <summary>
/// Loads a seed into the PostgreSQL store with binary <c>COPY … FROM STDIN</c>, in one transaction,
/// only when the register's tables are empty. Geometries go over as EWKB, which PostGIS's binary
/// input reads; addresses stream one by one, so a large world is never held in memory at once.
/// </summary>
internal static class PostgresSeedLoader
{
    /// <summary>Loads the seed unless the register already holds divisions; answers whether it loaded.</summary>
    public static async Task<bool> LoadIfEmptyAsync(NpgsqlDataSource dataSource, string schema, SpatialSeed seed, CancellationToken cancellationToken = default)
    {
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockTables = new NpgsqlCommand($"LOCK TABLE {quoted}.divisions, {quoted}.addresses, {quoted}.parcels IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockTables.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var count = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {quoted}.divisions) OR EXISTS (SELECT 1 FROM {quoted}.addresses) OR EXISTS (SELECT 1 FROM {quoted}.parcels)", connection, transaction))
        {
            if (await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return false;
            }
        }

        await CopyDivisionsAsync(connection, quoted, seed.Divisions, cancellationToken).ConfigureAwait(false);
        await CopyParcelsAsync(connection, quoted, seed.Parcels, cancellationToken).ConfigureAwait(false);
        await CopyAddressesAsync(connection, quoted, seed, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await using (var analyze = new NpgsqlCommand($"ANALYZE {quoted}.divisions, {quoted}.addresses, {quoted}.parcels", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task CopyDivisionsAsync(NpgsqlConnection connection, string schema, IReadOnlyList<Division> divisions, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.divisions (code, name, full_name, level, parent_code, boundary, centre, abolished_on) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var division in divisions)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(division.Code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(division.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(division.FullName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(division.Level, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, division.ParentCode, cancellationToken).ConfigureAwait(false);
            if (division.Boundary is { } boundary)
            {
                await copy.WriteAsync(Cgcs2000.InSrid(boundary), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }

            await copy.WriteAsync<Geometry>(Cgcs2000.Point(division.CentreLongitude, division.CentreLatitude), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            if (division.AbolishedOn is { } abolished)
            {
                await copy.WriteAsync(abolished, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyParcelsAsync(NpgsqlConnection connection, string schema, IReadOnlyList<Parcel> parcels, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.parcels (unit_code, land_use_code, area_m2, boundary, division_code, location, rights, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var parcel in parcels)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(parcel.UnitCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(parcel.LandUseCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(parcel.AreaSquareMetres, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(Cgcs2000.InSrid(parcel.Boundary), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(parcel.DivisionCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(copy, parcel.Location, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(ParcelRightsJson.Write(parcel.Rights), NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(parcel.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyAddressesAsync(NpgsqlConnection connection, string schema, SpatialSeed seed, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"""
            COPY {schema}.addresses (id, text, division_code, township, community, road, house_number, building, unit, room, postal_code, location, parcel_unit_code, updated_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken).ConfigureAwait(false);
        const int Chunk = 8192;
        for (var start = 0; start < seed.AddressCount; start += Chunk)
        {
            foreach (var address in seed.Addresses(start, Math.Min(Chunk, seed.AddressCount - start)))
            {
                await CopyAddressAsync(copy, address, cancellationToken).ConfigureAwait(false);
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyAddressAsync(NpgsqlBinaryImporter copy, Address address, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(address.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(address.Text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(address.DivisionCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.Township, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.Community, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.Road, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.HouseNumber, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.Building, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.Unit, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.Room, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.PostalCode, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync<Geometry>(Cgcs2000.Point(address.Longitude, address.Latitude), NpgsqlDbType.Geometry, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, address.ParcelUnitCode, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(address.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }
}
