using System.Text;
using Federation.Storage;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Geo;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// The register in PostgreSQL with PostGIS: geometries in SRID 4490 with GIST indexes, read and written
/// as NetTopologySuite geometries by the data source's mapping (<see cref="SpatialDataSource"/>), distances
/// and areas on the ellipsoid through <c>geography</c>, containment and intersection with the
/// planar geometry predicates, address text through a pg_trgm GIN index. Each method is one SQL
/// statement (a list with its total count included); corrections run in one transaction that also
/// writes the change event to the outbox.
/// </summary>
internal sealed class PostgresSpatialStore : ISpatialStore
{
    private const string Subgraph = "spatial";
    private const string DivisionColumns = "code, name, full_name, level, parent_code, boundary, ST_X(centre), ST_Y(centre), abolished_on";
    private const string AddressColumns = "id, text, division_code, township, community, road, house_number, building, unit, room, postal_code, ST_X(location), ST_Y(location), parcel_unit_code, updated_at";
    private const string ParcelColumns = "unit_code, land_use_code, area_m2, boundary, division_code, location, rights::text, updated_at";
    private const string Centre = "geography(ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4490))";

    private readonly NpgsqlDataSource dataSource;
    private readonly ChangeOutbox outbox;
    private readonly TimeProvider clock;
    private readonly Action committed;
    private readonly string divisions;
    private readonly string addresses;
    private readonly string parcels;

    /// <param name="committed">Called after a correction committed (wakes the outbox relay).</param>
    public PostgresSpatialStore(NpgsqlDataSource dataSource, string schema, ChangeOutbox outbox, TimeProvider? clock = null, Action? committed = null)
    {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock ?? TimeProvider.System;
        this.committed = committed ?? (() => { });
        var quoted = PostgresMigrations.QuoteIdentifier(schema);
        divisions = quoted + ".divisions";
        addresses = quoted + ".addresses";
        parcels = quoted + ".parcels";
        Schema = schema;
    }

    public string Schema { get; }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT to_regclass('{divisions.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    public async Task<IReadOnlyDictionary<string, Division>> DivisionsAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {DivisionColumns} FROM {divisions} WHERE code = ANY(@codes)");
        command.Parameters.Add(Texts("codes", codes));
        var found = new Dictionary<string, Division>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var division = ReadDivision(reader, 0);
            found[division.Code] = division;
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Division>>> ChildrenAsync(IReadOnlyList<string> parents, bool includeAbolished, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {DivisionColumns} FROM {divisions} WHERE coalesce(parent_code, '') = ANY(@parents) AND (@all OR abolished_on IS NULL) ORDER BY code");
        command.Parameters.Add(Texts("parents", parents));
        command.Parameters.Add(new NpgsqlParameter<bool>("all", includeAbolished));
        var found = parents.Distinct().ToDictionary(p => p, _ => new List<Division>(), StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var division = ReadDivision(reader, 0);
            found[division.ParentCode ?? ""].Add(division);
        }

        return found.ToDictionary(e => e.Key, e => (IReadOnlyList<Division>)e.Value, StringComparer.Ordinal);
    }

    public async Task<Division?> DivisionAtAsync(double longitude, double latitude, string level, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await DivisionAtAsync(connection, null, longitude, latitude, level, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, Address>> AddressesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {AddressColumns} FROM {addresses} WHERE id = ANY(@ids)");
        command.Parameters.Add(Texts("ids", ids));
        var found = new Dictionary<string, Address>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var address = ReadAddress(reader, 0);
            found[address.Id] = address;
        }

        return found;
    }

    public async Task<Page<Address>> SearchAddressesAsync(AddressSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = new StringBuilder("true");
        for (var i = 0; i < search.Terms.Count; i++)
        {
            conditions.Append($" AND text ILIKE @term{i}");
            command.Parameters.Add(new NpgsqlParameter<string>($"term{i}", "%" + EscapeLike(search.Terms[i]) + "%"));
        }

        if (search.DivisionCode is { } division)
        {
            conditions.Append(" AND division_code LIKE @division");
            command.Parameters.Add(new NpgsqlParameter<string>("division", Division.Prefix(division) + "%"));
        }

        var after = SortKeys.SearchAfter(page);
        command.CommandText = $"""
            SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM {addresses} WHERE {conditions}) c
            LEFT JOIN LATERAL (
                SELECT {AddressColumns} FROM {addresses}
                WHERE {conditions} AND (@after_id::text IS NULL OR (char_length(text), id) > (@after_length, @after_id))
                ORDER BY char_length(text), id LIMIT @limit) p ON true
            """;
        command.Parameters.Add(new NpgsqlParameter("after_length", NpgsqlDbType.Integer) { Value = (object?)after?.Length ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Text) { Value = (object?)after?.Id ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.First + 1));
        var (rows, total) = await ReadPageAsync(command, ReadAddress, cancellationToken).ConfigureAwait(false);
        return Page<Address>.FromRows(rows, page, total);
    }

    public async Task<Page<Near<Address>>> AddressesNearAsync(double longitude, double latitude, double metres, PageRequest page, CancellationToken cancellationToken)
    {
        var after = SortKeys.NearAfter(page);
        await using var command = dataSource.CreateCommand($"""
            SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM {addresses} WHERE ST_DWithin(geography(location), {Centre}, @metres)) c
            LEFT JOIN LATERAL (
                SELECT * FROM (
                    SELECT {AddressColumns}, ST_Distance(geography(location), {Centre}) AS distance FROM {addresses}
                    WHERE ST_DWithin(geography(location), {Centre}, @metres)) near
                WHERE @after_key::text IS NULL OR (distance, id) > (@after_distance, @after_key)
                ORDER BY distance, id LIMIT @limit) p ON true
            """);
        AddNear(command, longitude, latitude, metres, after, page);
        var (rows, total) = await ReadPageAsync(command, (reader, at) => new Near<Address>(ReadAddress(reader, at), reader.GetDouble(at + 15)), cancellationToken).ConfigureAwait(false);
        return Page<Near<Address>>.FromRows(rows, page, total);
    }

    public async Task<IReadOnlyDictionary<string, Parcel>> ParcelsAsync(IReadOnlyList<string> unitCodes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ParcelColumns} FROM {parcels} WHERE unit_code = ANY(@codes)");
        command.Parameters.Add(Texts("codes", unitCodes));
        var found = new Dictionary<string, Parcel>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var parcel = ReadParcel(reader, 0);
            found[parcel.UnitCode] = parcel;
        }

        return found;
    }

    public async Task<Page<Parcel>> ParcelsAsync(ParcelFilter filter, Geometry? area, PageRequest page, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var conditions = FilterConditions(filter, command);
        if (area is not null)
        {
            conditions += " AND ST_Intersects(boundary, @area)";
            command.Parameters.Add(Cgcs2000.Parameter("area", area));
        }

        command.CommandText = $"""
            SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM {parcels} WHERE {conditions}) c
            LEFT JOIN LATERAL (
                SELECT {ParcelColumns} FROM {parcels}
                WHERE {conditions} AND (@after::text IS NULL OR unit_code > @after)
                ORDER BY unit_code LIMIT @limit) p ON true
            """;
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = (object?)page.After?[0] ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.First + 1));
        var (rows, total) = await ReadPageAsync(command, ReadParcel, cancellationToken).ConfigureAwait(false);
        return Page<Parcel>.FromRows(rows, page, total);
    }

    public async Task<Page<Near<Parcel>>> ParcelsNearAsync(double longitude, double latitude, double metres, ParcelFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var after = SortKeys.NearAfter(page);
        await using var command = dataSource.CreateCommand();
        var conditions = FilterConditions(filter, command) + $" AND ST_DWithin(geography(boundary), {Centre}, @metres)";
        command.CommandText = $"""
            SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM {parcels} WHERE {conditions}) c
            LEFT JOIN LATERAL (
                SELECT * FROM (
                    SELECT {ParcelColumns}, ST_Distance(geography(boundary), {Centre}) AS distance FROM {parcels} WHERE {conditions}) near
                WHERE @after_key::text IS NULL OR (distance, unit_code) > (@after_distance, @after_key)
                ORDER BY distance, unit_code LIMIT @limit) p ON true
            """;
        AddNear(command, longitude, latitude, metres, after, page);
        var (rows, total) = await ReadPageAsync(command, (reader, at) => new Near<Parcel>(ReadParcel(reader, at), reader.GetDouble(at + 8)), cancellationToken).ConfigureAwait(false);
        return Page<Near<Parcel>>.FromRows(rows, page, total);
    }

    public async Task<IReadOnlyDictionary<string, Page<Parcel>>> ParcelsOfHoldersAsync(HolderKind kind, IReadOnlyList<string> holders, string? callerDivision, PageRequest page, CancellationToken cancellationToken)
    {
        var within = callerDivision is null ? "" : " AND division_code LIKE @caller_division";
        await using var command = dataSource.CreateCommand($"""
            SELECT h.holder, c.total, p.* FROM unnest(@holders) AS h(holder)
            CROSS JOIN LATERAL (
                SELECT count(*)::int AS total FROM {parcels} WHERE rights @> jsonb_build_array(jsonb_build_object(@field::text, h.holder)){within}) c
            LEFT JOIN LATERAL (
                SELECT {ParcelColumns} FROM {parcels}
                WHERE rights @> jsonb_build_array(jsonb_build_object(@field::text, h.holder)){within} AND (@after::text IS NULL OR unit_code > @after)
                ORDER BY unit_code LIMIT @limit) p ON true
            ORDER BY h.holder, p.unit_code
            """);
        command.Parameters.Add(Texts("holders", holders));
        command.Parameters.Add(new NpgsqlParameter<string>("field", ParcelRightsJson.HolderField(kind)));
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Text) { Value = (object?)page.After?[0] ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.First + 1));
        if (callerDivision is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("caller_division", Division.Prefix(callerDivision) + "%"));
        }

        var rows = new Dictionary<string, (List<Parcel> Rows, int Total)>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var holder = reader.GetString(0);
                if (!rows.TryGetValue(holder, out var entry))
                {
                    rows[holder] = entry = ([], reader.GetInt32(1));
                }

                if (!reader.IsDBNull(2))
                {
                    entry.Rows.Add(ReadParcel(reader, 2));
                }
            }
        }

        return rows.ToDictionary(e => e.Key, e => Page<Parcel>.FromRows(e.Value.Rows, page, e.Value.Total), StringComparer.Ordinal);
    }

    public async Task<Corrected<Address>> CorrectAddressAsync(AddressCorrection correction, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Address current;
        await using (var select = new NpgsqlCommand($"SELECT {AddressColumns} FROM {addresses} WHERE id = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string>("id", correction.Id));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            current = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? ReadAddress(reader, 0)
                : throw SpatialErrorCodes.RecordNotFound("address", correction.Id);
        }

        var (corrected, changed) = await correction.ApplyAsync(current, new Register(this, connection, transaction), RegisterClock.Now(clock), cancellationToken).ConfigureAwait(false);
        if (changed.Count == 0)
        {
            return new Corrected<Address>(current, changed);
        }

        await using (var update = new NpgsqlCommand($"""
            UPDATE {addresses} SET text = @text, division_code = @division, township = @township, community = @community, road = @road,
                house_number = @house_number, building = @building, unit = @unit, room = @room, postal_code = @postal_code,
                location = ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4490), parcel_unit_code = @parcel, updated_at = @updated_at
            WHERE id = @id
            """, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter<string>("id", corrected.Id));
            update.Parameters.Add(new NpgsqlParameter<string>("text", corrected.Text));
            update.Parameters.Add(new NpgsqlParameter<string>("division", corrected.DivisionCode));
            update.Parameters.Add(NullableText("township", corrected.Township));
            update.Parameters.Add(NullableText("community", corrected.Community));
            update.Parameters.Add(NullableText("road", corrected.Road));
            update.Parameters.Add(NullableText("house_number", corrected.HouseNumber));
            update.Parameters.Add(NullableText("building", corrected.Building));
            update.Parameters.Add(NullableText("unit", corrected.Unit));
            update.Parameters.Add(NullableText("room", corrected.Room));
            update.Parameters.Add(NullableText("postal_code", corrected.PostalCode));
            update.Parameters.Add(new NpgsqlParameter<double>("longitude", corrected.Longitude));
            update.Parameters.Add(new NpgsqlParameter<double>("latitude", corrected.Latitude));
            update.Parameters.Add(NullableText("parcel", corrected.ParcelUnitCode));
            update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_at", corrected.UpdatedAt));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await outbox.WriteAsync(connection, transaction, new ChangeEvent(Subgraph, "Address", corrected.Id, changed, correction.Reason, corrected.UpdatedAt), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        committed();
        return new Corrected<Address>(corrected, changed);
    }

    public async Task<Corrected<Parcel>> CorrectParcelAsync(ParcelCorrection correction, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Parcel current;
        await using (var select = new NpgsqlCommand($"SELECT {ParcelColumns} FROM {parcels} WHERE unit_code = @code FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string>("code", correction.UnitCode));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            current = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? ReadParcel(reader, 0)
                : throw SpatialErrorCodes.RecordNotFound("parcel", correction.UnitCode);
        }

        var (corrected, changed) = await correction.ApplyAsync(current, new Register(this, connection, transaction), RegisterClock.Now(clock), cancellationToken).ConfigureAwait(false);
        if (changed.Count == 0)
        {
            return new Corrected<Parcel>(current, changed);
        }

        await using (var update = new NpgsqlCommand($"""
            UPDATE {parcels} SET land_use_code = @land_use, area_m2 = @area, boundary = @boundary, division_code = @division,
                location = @location, rights = @rights::jsonb, updated_at = @updated_at
            WHERE unit_code = @code
            """, connection, transaction))
        {
            update.Parameters.Add(new NpgsqlParameter<string>("code", corrected.UnitCode));
            update.Parameters.Add(new NpgsqlParameter<string>("land_use", corrected.LandUseCode));
            update.Parameters.Add(new NpgsqlParameter<double>("area", corrected.AreaSquareMetres));
            update.Parameters.Add(Cgcs2000.Parameter("boundary", corrected.Boundary));
            update.Parameters.Add(new NpgsqlParameter<string>("division", corrected.DivisionCode));
            update.Parameters.Add(NullableText("location", corrected.Location));
            update.Parameters.Add(new NpgsqlParameter<string>("rights", ParcelRightsJson.Write(corrected.Rights)));
            update.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("updated_at", corrected.UpdatedAt));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await outbox.WriteAsync(connection, transaction, new ChangeEvent(Subgraph, "Parcel", corrected.UnitCode, changed, correction.Reason, corrected.UpdatedAt), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        committed();
        return new Corrected<Parcel>(corrected, changed);
    }

    private async Task<Division?> DivisionAtAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, double longitude, double latitude, string level, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {DivisionColumns} FROM {divisions}
            WHERE level = @level AND abolished_on IS NULL AND ST_Covers(boundary, ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4490))
            ORDER BY code LIMIT 1
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("level", level));
        command.Parameters.Add(new NpgsqlParameter<double>("longitude", longitude));
        command.Parameters.Add(new NpgsqlParameter<double>("latitude", latitude));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadDivision(reader, 0) : null;
    }

    /// <summary>The WHERE conditions of a parcel filter (always at least <c>true</c>), adding their parameters to the command.</summary>
    private static string FilterConditions(ParcelFilter filter, NpgsqlCommand command)
    {
        var conditions = new StringBuilder("true");
        if (filter.DivisionCode is { } division)
        {
            conditions.Append(" AND division_code LIKE @division");
            command.Parameters.Add(new NpgsqlParameter<string>("division", Division.Prefix(division) + "%"));
        }

        if (filter.LandUseCode is { } landUse)
        {
            conditions.Append(" AND land_use_code LIKE @land_use");
            command.Parameters.Add(new NpgsqlParameter<string>("land_use", EscapeLike(landUse) + "%"));
        }

        if (filter.MinAreaSquareMetres is { } min)
        {
            conditions.Append(" AND area_m2 >= @min_area");
            command.Parameters.Add(new NpgsqlParameter<double>("min_area", min));
        }

        if (filter.MaxAreaSquareMetres is { } max)
        {
            conditions.Append(" AND area_m2 <= @max_area");
            command.Parameters.Add(new NpgsqlParameter<double>("max_area", max));
        }

        if (filter.HolderIdNumber is { } idNumber)
        {
            conditions.Append(" AND rights @> @person::jsonb");
            command.Parameters.Add(new NpgsqlParameter<string>("person", ParcelRightsJson.Probe(HolderKind.Person, idNumber)));
        }

        if (filter.HolderCreditCode is { } creditCode)
        {
            conditions.Append(" AND rights @> @legal_person::jsonb");
            command.Parameters.Add(new NpgsqlParameter<string>("legal_person", ParcelRightsJson.Probe(HolderKind.LegalPerson, creditCode)));
        }

        if (filter.CallerDivision is { } caller)
        {
            conditions.Append(" AND division_code LIKE @caller_division");
            command.Parameters.Add(new NpgsqlParameter<string>("caller_division", Division.Prefix(caller) + "%"));
        }

        if (filter.UpdatedSince is { } since)
        {
            conditions.Append(" AND updated_at >= @since");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", since.ToUniversalTime()));
        }

        return conditions.ToString();
    }

    private static void AddNear(NpgsqlCommand command, double longitude, double latitude, double metres, (double Distance, string Key)? after, PageRequest page)
    {
        command.Parameters.Add(new NpgsqlParameter<double>("longitude", longitude));
        command.Parameters.Add(new NpgsqlParameter<double>("latitude", latitude));
        command.Parameters.Add(new NpgsqlParameter<double>("metres", metres));
        command.Parameters.Add(new NpgsqlParameter("after_distance", NpgsqlDbType.Double) { Value = (object?)after?.Distance ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_key", NpgsqlDbType.Text) { Value = (object?)after?.Key ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", page.First + 1));
    }

    /// <summary>Reads the rows of <c>SELECT c.total, p.* … LEFT JOIN LATERAL</c>: one row with nulls when the page is empty.</summary>
    private static async Task<(List<T> Rows, int Total)> ReadPageAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, int, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            total = reader.GetInt32(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(read(reader, 1));
            }
        }

        return (rows, total);
    }

    private static Division ReadDivision(NpgsqlDataReader reader, int at) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        reader.GetString(at + 2),
        reader.GetString(at + 3),
        reader.IsDBNull(at + 4) ? null : reader.GetString(at + 4),
        reader.IsDBNull(at + 5) ? null : reader.GetFieldValue<Geometry>(at + 5),
        reader.GetDouble(at + 6),
        reader.GetDouble(at + 7),
        reader.IsDBNull(at + 8) ? null : reader.GetFieldValue<DateOnly>(at + 8));

    private static Address ReadAddress(NpgsqlDataReader reader, int at) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        reader.GetString(at + 2),
        NullableString(reader, at + 3),
        NullableString(reader, at + 4),
        NullableString(reader, at + 5),
        NullableString(reader, at + 6),
        NullableString(reader, at + 7),
        NullableString(reader, at + 8),
        NullableString(reader, at + 9),
        NullableString(reader, at + 10),
        reader.GetDouble(at + 11),
        reader.GetDouble(at + 12),
        NullableString(reader, at + 13),
        reader.GetFieldValue<DateTimeOffset>(at + 14));

    private static Parcel ReadParcel(NpgsqlDataReader reader, int at) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        reader.GetDouble(at + 2),
        reader.GetFieldValue<Geometry>(at + 3),
        reader.GetString(at + 4),
        NullableString(reader, at + 5),
        ParcelRightsJson.Read(reader.GetString(at + 6)),
        reader.GetFieldValue<DateTimeOffset>(at + 7));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter Texts(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values as string[] ?? values.ToArray() };

    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The database inside a correction's transaction as the register it consults.</summary>
    private sealed class Register(PostgresSpatialStore store, NpgsqlConnection connection, NpgsqlTransaction transaction) : ICorrectionRegister
    {
        public async Task<string> RequireCountyAsync(string code, string argument, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT EXISTS (SELECT 1 FROM {store.divisions} WHERE code = @code AND level = 'COUNTY' AND abolished_on IS NULL)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string>("code", code));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true
                ? code
                : throw SpatialErrorCodes.Invalid(argument, $"\"{code}\" is not a county-level division in force in the register");
        }

        public async Task<string> RequireParcelAsync(string unitCode, string argument, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {store.parcels} WHERE unit_code = @code)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string>("code", unitCode));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true
                ? unitCode
                : throw SpatialErrorCodes.Invalid(argument, $"\"{unitCode}\" is not a parcel of the register");
        }

        public Task<Division?> DivisionAtAsync(double longitude, double latitude, string level, CancellationToken cancellationToken) =>
            store.DivisionAtAsync(connection, transaction, longitude, latitude, level, cancellationToken);

        public async Task<string?> ParcelAtAsync(double longitude, double latitude, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT unit_code FROM {store.parcels} WHERE ST_Covers(boundary, ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4490)) ORDER BY unit_code LIMIT 1",
                connection,
                transaction);
            command.Parameters.Add(new NpgsqlParameter<double>("longitude", longitude));
            command.Parameters.Add(new NpgsqlParameter<double>("latitude", latitude));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }

        public async Task<double> AreaAsync(Geometry boundary, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT ST_Area(geography(@boundary))", connection, transaction);
            command.Parameters.Add(Cgcs2000.Parameter("boundary", boundary));
            return (double)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }
}
