using Federation.Subgraphs.Population.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Subgraphs.Population.Store;

/// <summary>How persons and households map to their rows: one column list per table, read and written in that order.</summary>
internal static class PersonRows
{
    public const string Columns =
        "id_number, name, former_names, gender, ethnicity_code, birth_date, registered_address, registered_division, " +
        "residence_address, residence_address_id, marital_status, education, phone, death_date, household_number, relation_to_head, updated_at";

    public static Person Read(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetFieldValue<string[]>(2),
        row.GetString(3),
        row.GetString(4),
        row.GetFieldValue<DateOnly>(5),
        row.GetString(6),
        row.GetString(7),
        row.IsDBNull(8) ? null : row.GetString(8),
        row.IsDBNull(9) ? null : row.GetString(9),
        row.GetString(10),
        row.GetString(11),
        row.IsDBNull(12) ? null : row.GetString(12),
        row.IsDBNull(13) ? null : row.GetFieldValue<DateOnly>(13),
        row.IsDBNull(14) ? null : row.GetString(14),
        row.IsDBNull(15) ? null : row.GetString(15),
        row.GetFieldValue<DateTimeOffset>(16));

    /// <summary>One row of <c>COPY persons (Columns) FROM STDIN (FORMAT BINARY)</c>.</summary>
    public static async Task WriteAsync(NpgsqlBinaryImporter copy, Person person, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.IdNumber, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.FormerNames as string[] ?? [.. person.FormerNames], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.Gender, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.EthnicityCode, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.BirthDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.RegisteredAddress, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.RegisteredDivision, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, person.ResidenceAddress, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, person.ResidenceAddressId, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.MaritalStatus, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.Education, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, person.Phone, cancellationToken).ConfigureAwait(false);
        if (person.DeathDate is { } deathDate)
        {
            await copy.WriteAsync(deathDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteNullableAsync(copy, person.HouseholdNumber, cancellationToken).ConfigureAwait(false);
        await WriteNullableAsync(copy, person.RelationToHead, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(person.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets every column but the key from <paramref name="person"/> (<c>@id_number</c> names the row).</summary>
    public static NpgsqlCommand Update(string table, Person person, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(
            $"""
            UPDATE {table} SET name = @name, former_names = @former_names, gender = @gender, ethnicity_code = @ethnicity_code,
                birth_date = @birth_date, registered_address = @registered_address, registered_division = @registered_division,
                residence_address = @residence_address, residence_address_id = @residence_address_id, marital_status = @marital_status,
                education = @education, phone = @phone, death_date = @death_date, relation_to_head = @relation_to_head, updated_at = @updated_at
            WHERE id_number = @id_number
            """,
            connection,
            transaction);
        var parameters = command.Parameters;
        parameters.AddWithValue("id_number", person.IdNumber);
        parameters.AddWithValue("name", person.Name);
        parameters.Add(new NpgsqlParameter("former_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = person.FormerNames.ToArray() });
        parameters.AddWithValue("gender", person.Gender);
        parameters.AddWithValue("ethnicity_code", person.EthnicityCode);
        parameters.AddWithValue("birth_date", person.BirthDate);
        parameters.AddWithValue("registered_address", person.RegisteredAddress);
        parameters.AddWithValue("registered_division", person.RegisteredDivision);
        parameters.Add(Nullable("residence_address", NpgsqlDbType.Text, person.ResidenceAddress));
        parameters.Add(Nullable("residence_address_id", NpgsqlDbType.Text, person.ResidenceAddressId));
        parameters.AddWithValue("marital_status", person.MaritalStatus);
        parameters.AddWithValue("education", person.Education);
        parameters.Add(Nullable("phone", NpgsqlDbType.Text, person.Phone));
        parameters.Add(Nullable("death_date", NpgsqlDbType.Date, person.DeathDate));
        parameters.Add(Nullable("relation_to_head", NpgsqlDbType.Text, person.RelationToHead));
        parameters.AddWithValue("updated_at", person.UpdatedAt.ToUniversalTime());
        return command;
    }

    internal static NpgsqlParameter Nullable(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    internal static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
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

internal static class HouseholdRows
{
    public const string Columns = "number, kind, head_id_number, address, division, updated_at";

    public static Household Read(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.IsDBNull(2) ? null : row.GetString(2),
        row.GetString(3),
        row.GetString(4),
        row.GetFieldValue<DateTimeOffset>(5));

    public static async Task WriteAsync(NpgsqlBinaryImporter copy, Household household, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(household.Number, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(household.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await PersonRows.WriteNullableAsync(copy, household.HeadIdNumber, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(household.Address, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(household.Division, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await copy.WriteAsync(household.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
    }

    public static NpgsqlCommand Update(string table, Household household, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(
            $"UPDATE {table} SET kind = @kind, head_id_number = @head, address = @address, division = @division, updated_at = @updated_at WHERE number = @number",
            connection,
            transaction);
        command.Parameters.AddWithValue("number", household.Number);
        command.Parameters.AddWithValue("kind", household.Kind);
        command.Parameters.Add(PersonRows.Nullable("head", NpgsqlDbType.Text, household.HeadIdNumber));
        command.Parameters.AddWithValue("address", household.Address);
        command.Parameters.AddWithValue("division", household.Division);
        command.Parameters.AddWithValue("updated_at", household.UpdatedAt.ToUniversalTime());
        return command;
    }
}
