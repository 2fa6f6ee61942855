using System.Text.RegularExpressions;
using Federation.Gateway.Hosting;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Spatial;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Federation.Deployment.Tests.Backup;

/// <summary>
/// The CronJob's backup script against the tests' PostgreSQL, and the documented restore: a set of
/// the base registers (filled by the services themselves: their migrations, their demo seed) and
/// the audit trail (the gateway's own migration) restores into fresh databases with the same contents.
/// </summary>
public sealed partial class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_set_restores_into_fresh_databases_with_the_same_contents()
    {
        await using var population = await TestDatabase.CreateAsync("backup_population", cancellationToken: TestContext.Current.CancellationToken);
        await using var spatial = await TestDatabase.CreateAsync("backup_spatial", postgis: true, cancellationToken: TestContext.Current.CancellationToken);
        await using var gateway = await TestDatabase.CreateAsync("backup_gateway", cancellationToken: TestContext.Current.CancellationToken);
        await SeedAsync(PopulationService.Build, population);
        await SeedAsync(SpatialService.Build, spatial);
        await AuditTrailAsync(gateway, records: 250);

        using var scratch = new ScratchDirectory();
        var targets = BackupScripts.Targets(scratch.Path, ("population", population.ConnectionString), ("spatial", spatial.ConnectionString), ("gateway", gateway.ConnectionString));
        var output = Directory.CreateDirectory(Path.Combine(scratch.Path, "backups")).FullName;
        var backup = await BackupScripts.BackupAsync(output, targets);
        Assert.True(backup.ExitCode == 0, backup.ToString());

        var set = Assert.Single(Directory.GetDirectories(output));
        Assert.Matches(SetName(), Path.GetFileName(set));
        Assert.Equal(["SHA256SUMS", "gateway.dump", "population.dump", "spatial.dump"], Directory.GetFiles(set).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        foreach (var source in new[] { population, spatial, gateway })
        {
            var name = source == population ? "population" : source == spatial ? "spatial" : "gateway";
            await using var restored = await TestDatabase.CreateAsync($"restored_{name}", cancellationToken: TestContext.Current.CancellationToken);
            var restore = await BackupScripts.RestoreAsync(Path.Combine(set, $"{name}.dump"), restored.ConnectionString);
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var expected = await DatabaseContents.ReadAsync(source.ConnectionString);
            var actual = await DatabaseContents.ReadAsync(restored.ConnectionString);
            Assert.Equal(expected, actual);
        }

        // What was compared is the registers and the trail, not empty databases.
        var contents = await DatabaseContents.ReadAsync(population.ConnectionString);
        Assert.Matches("^[1-9][0-9]* rows", contents["rows population.persons"]);
        Assert.Matches("^250 rows", (await DatabaseContents.ReadAsync(gateway.ConnectionString)).Where(c => c.Key.StartsWith("rows audit.records_", StringComparison.Ordinal)).Single().Value);
        Assert.Contains((await DatabaseContents.ReadAsync(spatial.ConnectionString)).Keys, key => key == "extension postgis");
    }

    [Fact]
    public async Task The_restored_audit_trail_is_still_append_only()
    {
        await using var gateway = await TestDatabase.CreateAsync("backup_audit", cancellationToken: TestContext.Current.CancellationToken);
        await AuditTrailAsync(gateway, records: 3);
        using var scratch = new ScratchDirectory();
        var backup = await BackupScripts.BackupAsync(scratch.Path, BackupScripts.Targets(scratch.Path, ("gateway", gateway.ConnectionString)));
        Assert.True(backup.ExitCode == 0, backup.ToString());

        await using var restored = await TestDatabase.CreateAsync("restored_audit", cancellationToken: TestContext.Current.CancellationToken);
        var restore = await BackupScripts.RestoreAsync(Path.Combine(Assert.Single(Directory.GetDirectories(scratch.Path)), "gateway.dump"), restored.ConnectionString);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        await using var update = restored.DataSource.CreateCommand("UPDATE audit.records SET agency = 'someone else'");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Equal("AU001", refused.SqlState);
    }

    [Fact]
    public async Task A_restore_into_a_database_that_holds_tables_is_refused_and_changes_nothing()
    {
        await using var source = await TestDatabase.CreateAsync("backup_small", cancellationToken: TestContext.Current.CancellationToken);
        await ExecuteAsync(source, "CREATE TABLE register (id int PRIMARY KEY, name text); INSERT INTO register VALUES (1, '张三')");
        using var scratch = new ScratchDirectory();
        var backup = await BackupScripts.BackupAsync(scratch.Path, BackupScripts.Targets(scratch.Path, ("small", source.ConnectionString)));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var dump = Path.Combine(Assert.Single(Directory.GetDirectories(scratch.Path)), "small.dump");

        await using var live = await TestDatabase.CreateAsync("restore_live", cancellationToken: TestContext.Current.CancellationToken);
        await ExecuteAsync(live, "CREATE TABLE register (id int PRIMARY KEY, name text); INSERT INTO register VALUES (2, '李四')");
        var before = await DatabaseContents.ReadAsync(live.ConnectionString);
        var restore = await BackupScripts.RestoreAsync(dump, live.ConnectionString);
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("restore into a fresh database", restore.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseContents.ReadAsync(live.ConnectionString));
    }

    [Fact]
    public async Task A_dump_that_does_not_match_its_checksum_is_not_restored()
    {
        await using var source = await TestDatabase.CreateAsync("backup_damaged", cancellationToken: TestContext.Current.CancellationToken);
        await ExecuteAsync(source, "CREATE TABLE register (id int PRIMARY KEY); INSERT INTO register SELECT generate_series(1, 100)");
        using var scratch = new ScratchDirectory();
        var backup = await BackupScripts.BackupAsync(scratch.Path, BackupScripts.Targets(scratch.Path, ("damaged", source.ConnectionString)));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var dump = Path.Combine(Assert.Single(Directory.GetDirectories(scratch.Path)), "damaged.dump");
        var bytes = await File.ReadAllBytesAsync(dump, TestContext.Current.CancellationToken);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(dump, bytes, TestContext.Current.CancellationToken);

        await using var target = await TestDatabase.CreateAsync("restore_damaged", cancellationToken: TestContext.Current.CancellationToken);
        var restore = await BackupScripts.RestoreAsync(dump, target.ConnectionString);
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("does not match its checksum", restore.Error, StringComparison.Ordinal);
        Assert.DoesNotContain((await DatabaseContents.ReadAsync(target.ConnectionString)).Keys, key => key.StartsWith("rows public.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_that_cannot_be_dumped_fails_the_run_and_leaves_no_set()
    {
        await using var source = await TestDatabase.CreateAsync("backup_partial", cancellationToken: TestContext.Current.CancellationToken);
        using var scratch = new ScratchDirectory();
        var missing = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = source.Name + "_missing" }.ConnectionString;
        var targets = BackupScripts.Targets(scratch.Path, ("present", source.ConnectionString), ("absent", missing));
        var output = Directory.CreateDirectory(Path.Combine(scratch.Path, "backups")).FullName;

        var backup = await BackupScripts.BackupAsync(output, targets);
        Assert.NotEqual(0, backup.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task Sets_beyond_the_ones_to_keep_are_removed_oldest_first()
    {
        await using var source = await TestDatabase.CreateAsync("backup_keep", cancellationToken: TestContext.Current.CancellationToken);
        using var scratch = new ScratchDirectory();
        var output = Directory.CreateDirectory(Path.Combine(scratch.Path, "backups")).FullName;
        foreach (var old in new[] { "20200101T000000Z", "20200102T000000Z", "20200103T000000Z" })
        {
            Directory.CreateDirectory(Path.Combine(output, old));
        }

        // Not a set: never touched by the retention.
        Directory.CreateDirectory(Path.Combine(output, "lost+found"));
        var backup = await BackupScripts.BackupAsync(output, BackupScripts.Targets(scratch.Path, ("keep", source.ConnectionString)), new Dictionary<string, string> { ["BACKUP_KEEP"] = "2" });
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var left = Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, left.Count);
        Assert.Equal("20200103T000000Z", left[0]);
        Assert.Matches(SetName(), left[1]);
        Assert.Equal("lost+found", left[2]);
    }

    [Theory]
    [InlineData("Population host=x", "not 'name conninfo'")]
    [InlineData("population", "not 'name conninfo'")]
    [InlineData("a host=x\na host=y", "named twice")]
    [InlineData("# nothing but a comment", "names no database")]
    public async Task A_targets_file_that_is_not_one_database_a_line_is_refused(string targets, string message)
    {
        using var scratch = new ScratchDirectory();
        var file = Path.Combine(scratch.Path, "targets");
        await File.WriteAllTextAsync(file, targets + "\n", TestContext.Current.CancellationToken);
        var output = Directory.CreateDirectory(Path.Combine(scratch.Path, "backups")).FullName;

        var backup = await BackupScripts.BackupAsync(output, file);
        Assert.Equal(2, backup.ExitCode);
        Assert.Contains(message, backup.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    /// <summary>Starts the service on <paramref name="database"/> as a deployment would (migrations, a small demo seed) until it is ready, and stops it.</summary>
    private static async Task SeedAsync(Func<string[], Action<WebApplicationBuilder>?, WebApplication> build, TestDatabase database)
    {
        var app = build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Store"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Seed:Persons"] = "120",
            ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
        }));
        await using (app)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!(await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
            {
                Assert.True(DateTime.UtcNow < deadline, "the service did not become ready within 3 minutes");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The audit schema as the gateway's <c>audit migrate</c> makes it, with records and a checkpoint in this month's partitions.</summary>
    private static async Task AuditTrailAsync(TestDatabase database, int records)
    {
        var migrate = await GatewayCommandLine.Create("gateway", (_, _) => Task.FromResult(0))
            .Parse(["audit", "migrate", "--connection", database.ConnectionString])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, migrate);
        await ExecuteAsync(database, $$"""
            SELECT audit.ensure_month_partitions(now());
            INSERT INTO audit.records (instance, sequence, at, kind, user_id, agency, purpose, outcome, duration_us,
                                       error_codes, resources, decisions, grants, subjects, body, previous_hash, hash)
            SELECT 'gateway-0', s, now(), 'ACCESS', 'user-' || s, '11330200123456788X', 'WORK_REFERENCE', 'OK', s * 17,
                   ARRAY[]::text[], ARRAY['population.person-basic'], ARRAY['ALLOWED'], ARRAY[gen_random_uuid()],
                   ARRAY[sha256(convert_to('subject ' || s, 'UTF8'))], convert_to('{"sequence":' || s || '}', 'UTF8'),
                   sha256(convert_to('previous ' || s, 'UTF8')), sha256(convert_to('record ' || s, 'UTF8'))
            FROM generate_series(1, {{records}}) AS s;
            INSERT INTO audit.checkpoints (instance, sequence, hash, at, closing, key_id, signature)
            VALUES ('gateway-0', {{records}}, sha256(convert_to('record {{records}}', 'UTF8')), now(), false, '0123456789abcdef', '\x0102');
            """);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z$")]
    private static partial Regex SetName();
}
