using Federation.Gateway.Catalogue;
using Federation.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Gateway.Sharing.Storage;

/// <summary>
/// Share applications and grants in PostgreSQL, in the schema <c>Sharing:Schema</c>. Every
/// gateway process reads the same rows and nothing is cached, so a revocation is in force for
/// every process the moment its UPDATE commits. Decisions are conditional UPDATEs
/// (<c>WHERE status = 'PENDING'</c>), so of two concurrent decisions exactly one changes the row.
/// </summary>
internal sealed class PostgresShareStore(NpgsqlDataSource dataSource, string schema) : IShareStore, IAsyncDisposable
{
    private const string ApplicationColumns =
        "id, agency, applicant, resource_id, purposes, justification, valid_from, valid_until, matter, submitted_at, due_date, status, decided_at, decided_by, refusal_reason, grant_id";

    private const string GrantColumns =
        "id, application_id, resource_id, agency, purposes, valid_from, valid_until, revoked_at, revoked_by, revocation_reason";

    private readonly string applications = PostgresMigrations.QuoteIdentifier(schema) + ".share_applications";
    private readonly string grants = PostgresMigrations.QuoteIdentifier(schema) + ".grants";

    private bool ownsDataSource;

    /// <summary>A store with a connection pool of its own, closed with the store.</summary>
    public static PostgresShareStore Open(string connectionString, string schema) =>
        new(NpgsqlDataSource.Create(connectionString), schema) { ownsDataSource = true };

    public ValueTask DisposeAsync() => ownsDataSource ? dataSource.DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Brings the schema to the latest migration; idempotent, safe when several processes start together.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        PostgresMigrations.ApplyAsync(dataSource, schema, SharingMigrations.All, cancellationToken: cancellationToken);

    public async Task AddApplicationAsync(ShareApplication application, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {applications} ({ApplicationColumns}) VALUES (@id, @agency, @applicant, @resource, @purposes, @justification, @from, @until, @matter, @submitted, @due, @status, NULL, NULL, NULL, NULL)");
        var p = command.Parameters;
        p.AddWithValue("id", application.Id);
        p.AddWithValue("agency", application.Agency);
        p.AddWithValue("applicant", application.Applicant);
        p.AddWithValue("resource", application.ResourceId);
        p.AddWithValue("purposes", WireNames(application.Purposes));
        p.AddWithValue("justification", application.Justification);
        p.AddWithValue("from", application.ValidFrom.ToUniversalTime());
        p.AddWithValue("until", application.ValidUntil.ToUniversalTime());
        p.AddWithValue("matter", (object?)application.Matter ?? DBNull.Value);
        p.AddWithValue("submitted", application.SubmittedAt.ToUniversalTime());
        p.AddWithValue("due", application.DueDate);
        p.AddWithValue("status", application.Status.WireName());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ShareApplication?> ApplicationAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ApplicationColumns} FROM {applications} WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        var found = await ReadApplicationsAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ShareApplication>> ApplicationsAsync(Visibility visibility, ApplicationStatus? status, string? resourceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {ApplicationColumns} FROM {applications}
            WHERE (@all OR agency = @agency OR resource_id = ANY(@provided))
              AND (@status::text IS NULL OR status = @status)
              AND (@resource::text IS NULL OR resource_id = @resource)
            ORDER BY submitted_at DESC, id
            """);
        AddVisibility(command, visibility);
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status?.WireName() ?? DBNull.Value);
        command.Parameters.AddWithValue("resource", NpgsqlDbType.Text, (object?)resourceId ?? DBNull.Value);
        return await ReadApplicationsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ShareApplication>> PendingDueBeforeAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {ApplicationColumns} FROM {applications} WHERE status = 'PENDING' AND due_date < @date ORDER BY due_date, submitted_at, id");
        command.Parameters.AddWithValue("date", date);
        return await ReadApplicationsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ApproveAsync(Guid applicationId, Grant grant, DateTimeOffset at, string user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var decide = new NpgsqlCommand(
            $"UPDATE {applications} SET status = 'APPROVED', decided_at = @at, decided_by = @user, grant_id = @grant WHERE id = @id AND status = 'PENDING'",
            connection,
            transaction))
        {
            decide.Parameters.AddWithValue("id", applicationId);
            decide.Parameters.AddWithValue("at", at.ToUniversalTime());
            decide.Parameters.AddWithValue("user", user);
            decide.Parameters.AddWithValue("grant", grant.Id);
            if (await decide.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {grants} ({GrantColumns}) VALUES (@id, @application, @resource, @agency, @purposes, @from, @until, NULL, NULL, NULL)",
            connection,
            transaction))
        {
            var p = insert.Parameters;
            p.AddWithValue("id", grant.Id);
            p.AddWithValue("application", grant.ApplicationId);
            p.AddWithValue("resource", grant.ResourceId);
            p.AddWithValue("agency", grant.Agency);
            p.AddWithValue("purposes", WireNames(grant.Purposes));
            p.AddWithValue("from", grant.ValidFrom.ToUniversalTime());
            p.AddWithValue("until", grant.ValidUntil.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<bool> RefuseAsync(Guid applicationId, string reason, DateTimeOffset at, string user, CancellationToken cancellationToken) =>
        EndPendingAsync(applicationId, ApplicationStatus.Refused, reason, at, user, cancellationToken);

    public Task<bool> WithdrawAsync(Guid applicationId, DateTimeOffset at, string user, CancellationToken cancellationToken) =>
        EndPendingAsync(applicationId, ApplicationStatus.Withdrawn, null, at, user, cancellationToken);

    public async Task<Grant?> GrantAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {GrantColumns} FROM {grants} WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        var found = await ReadGrantsAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<Grant>> GrantsAsync(Visibility visibility, DateTimeOffset? activeAt, string? resourceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {GrantColumns} FROM {grants}
            WHERE (@all OR agency = @agency OR resource_id = ANY(@provided))
              AND (@at::timestamptz IS NULL OR (revoked_at IS NULL AND valid_from <= @at AND @at < valid_until))
              AND (@resource::text IS NULL OR resource_id = @resource)
            ORDER BY valid_from DESC, id
            """);
        AddVisibility(command, visibility);
        command.Parameters.AddWithValue("at", NpgsqlDbType.TimestampTz, activeAt is { } at ? (object)at.ToUniversalTime() : DBNull.Value);
        command.Parameters.AddWithValue("resource", NpgsqlDbType.Text, (object?)resourceId ?? DBNull.Value);
        return await ReadGrantsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RevokeAsync(Guid grantId, string reason, DateTimeOffset at, string user, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE {grants} SET revoked_at = @at, revoked_by = @user, revocation_reason = @reason WHERE id = @id AND revoked_at IS NULL");
        command.Parameters.AddWithValue("id", grantId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("reason", reason);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<IReadOnlyList<Grant>> ActiveGrantsAsync(string agency, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {GrantColumns} FROM {grants} WHERE agency = @agency AND revoked_at IS NULL AND valid_from <= @at AND @at < valid_until");
        command.Parameters.AddWithValue("agency", agency);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await ReadGrantsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> EndPendingAsync(Guid applicationId, ApplicationStatus status, string? reason, DateTimeOffset at, string user, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE {applications} SET status = @status, decided_at = @at, decided_by = @user, refusal_reason = @reason WHERE id = @id AND status = 'PENDING'");
        command.Parameters.AddWithValue("id", applicationId);
        command.Parameters.AddWithValue("status", status.WireName());
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)reason ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void AddVisibility(NpgsqlCommand command, Visibility visibility)
    {
        command.Parameters.AddWithValue("all", visibility.IsAll);
        command.Parameters.AddWithValue("agency", NpgsqlDbType.Text, (object?)visibility.Agency ?? DBNull.Value);
        command.Parameters.AddWithValue("provided", NpgsqlDbType.Array | NpgsqlDbType.Text, visibility.ProvidedResources.ToArray());
    }

    private static string[] WireNames(IReadOnlyList<Purpose> purposes)
    {
        var names = new string[purposes.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = purposes[i].WireName();
        }

        return names;
    }

    private static Purpose[] ReadPurposes(NpgsqlDataReader reader, int ordinal)
    {
        var names = reader.GetFieldValue<string[]>(ordinal);
        var purposes = new Purpose[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            purposes[i] = Purposes.TryParse(names[i], out var purpose)
                ? purpose.Value
                : throw new FormatException($"The sharing store holds an unknown purpose \"{names[i]}\".");
        }

        return purposes;
    }

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? OptionalText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<IReadOnlyList<ShareApplication>> ReadApplicationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var found = new List<ShareApplication>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new ShareApplication(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                ReadPurposes(reader, 4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                OptionalText(reader, 8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetFieldValue<DateOnly>(10),
                ApplicationStatuses.Parse(reader.GetString(11)),
                OptionalTime(reader, 12),
                OptionalText(reader, 13),
                OptionalText(reader, 14),
                reader.IsDBNull(15) ? null : reader.GetGuid(15)));
        }

        return found;
    }

    private static async Task<IReadOnlyList<Grant>> ReadGrantsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var found = new List<Grant>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new Grant(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                ReadPurposes(reader, 4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                OptionalTime(reader, 7))
            {
                RevokedBy = OptionalText(reader, 8),
                RevocationReason = OptionalText(reader, 9),
            });
        }

        return found;
    }
}
