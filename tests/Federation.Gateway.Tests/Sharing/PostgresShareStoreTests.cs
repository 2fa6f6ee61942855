using Federation.Gateway.Sharing;
using Federation.Gateway.Sharing.Storage;
using Federation.Storage;
using Npgsql;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Sharing;

/// <summary>
/// What only PostgreSQL shows: several gateway processes (each a store on its own connection
/// pool) over one schema, and the schema's migrations.
/// </summary>
public sealed class PostgresShareStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_revocation_in_one_gateway_process_is_in_force_in_another_when_it_returns()
    {
        await using var database = await SharingDatabase.CreateAsync();
        var clock = new ManualClock(Start);
        var one = Workflow(database.Store(), clock);
        var other = database.Store();
        var application = await one.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);
        var approved = await one.ApproveAsync(Approver(), application.Id, null, null, null, Ct);
        Assert.Equal(approved.GrantId, Assert.Single(await other.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct)).Id);

        await one.RevokeAsync(Approver(), approved.GrantId!.Value, "The matter is closed.", Ct);

        Assert.Empty(await other.ActiveGrantsAsync(CivilAffairs, clock.Now, Ct));
    }

    [Fact]
    public async Task Two_gateway_processes_deciding_one_application_at_once_make_one_decision()
    {
        await using var database = await SharingDatabase.CreateAsync();
        var clock = new ManualClock(Start);
        var one = Workflow(database.Store(), clock);
        var other = Workflow(database.Store(), clock);
        var application = await one.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        var outcomes = await Task.WhenAll(
            Attempt(() => one.ApproveAsync(Approver(user: "first"), application.Id, null, null, null, Ct)),
            Attempt(() => other.ApproveAsync(Approver(user: "second"), application.Id, null, null, null, Ct)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == SharingErrorCodes.ApplicationNotPending);
        Assert.Single(await database.Store().GrantsAsync(Visibility.All, null, null, Ct));
    }

    [Fact]
    public async Task Migrations_apply_once_into_the_configured_schema()
    {
        await using var database = await SharingDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(SharingDatabase.ConnectionString);

        var again = await PostgresMigrations.ApplyAsync(source, database.Schema, SharingMigrations.All, cancellationToken: Ct);

        Assert.Empty(again);
        await using var tables = source.CreateCommand("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = @schema");
        tables.Parameters.AddWithValue("schema", database.Schema);
        Assert.Equal("grants,schema_migrations,share_applications", await tables.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task The_store_keeps_the_workflows_text_bounds_for_any_writer()
    {
        await using var database = await SharingDatabase.CreateAsync();
        var store = database.Store();
        var workflow = Workflow(store, new ManualClock(Start));
        var stored = await workflow.ApplyAsync(Applicant(), MaritalRecordsRequest(), Ct);

        var longJustification = await Assert.ThrowsAsync<PostgresException>(() => store.AddApplicationAsync(stored with { Id = Guid.NewGuid(), Justification = new string('查', ShareText.MaxJustificationLength + 1) }, Ct));
        var badMatter = await Assert.ThrowsAsync<PostgresException>(() => store.AddApplicationAsync(stored with { Id = Guid.NewGuid(), Matter = "330200 MZ" }, Ct));
        var longApplicant = await Assert.ThrowsAsync<PostgresException>(() => store.AddApplicationAsync(stored with { Id = Guid.NewGuid(), Applicant = new string('u', 256) }, Ct));
        await store.AddApplicationAsync(stored with { Id = Guid.NewGuid(), Justification = new string('查', ShareText.MaxJustificationLength), Applicant = new string('u', 255) }, Ct);

        Assert.Equal("share_applications_justification_length", longJustification.ConstraintName);
        Assert.Equal("share_applications_matter_length", badMatter.ConstraintName);
        Assert.Equal("share_applications_applicant_length", longApplicant.ConstraintName);
        Assert.Equal(2, (await store.ApplicationsAsync(Visibility.All, null, null, Ct)).Count);
    }

    private static async Task<string?> Attempt(Func<Task<ShareApplication>> decide)
    {
        try
        {
            await decide();
            return null;
        }
        catch (SharingException refusal)
        {
            return (string?)refusal.Error.Extensions!["code"];
        }
    }
}
