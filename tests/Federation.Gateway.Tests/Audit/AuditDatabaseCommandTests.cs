using System.CommandLine;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Audit.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Federation.Gateway.Tests.Audit;

/// <summary><c>audit verify</c>, <c>audit migrate</c> and <c>audit retain</c> as an operator runs them: exit codes and what they print.</summary>
public sealed class AuditDatabaseCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_prints_whole_and_exits_0_over_a_whole_trail_named_by_configuration()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await PostgresChainVerificationTests.StoreTwoChainsAsync(database, key);
        using var directory = new TemporaryDirectory();
        var privateKey = Path.Combine(directory.Path, "checkpoint-key.pem");
        await File.WriteAllTextAsync(privateKey, key.ExportPkcs8PrivateKeyPem(), Ct);

        var (exit, output, _) = await RunAsync(
            new()
            {
                ["ConnectionStrings:Audit"] = database.ConnectionStringOf(database.LoginRole),
                ["Audit:Schema"] = database.Schema,
                ["Audit:CheckpointKey"] = privateKey,
            },
            "audit", "verify");

        Assert.Equal(AuditCommand.Whole, exit);
        Assert.Equal("whole: 24 records, 4 checkpoints, instances gw-a, gw-b", output.Trim());
    }

    [Fact]
    public async Task Verify_names_the_first_broken_link_and_exits_1()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await PostgresChainVerificationTests.StoreTwoChainsAsync(database, key);
        await database.TamperAsync("DELETE FROM records WHERE instance = 'gw-b' AND sequence = 3; UPDATE records SET agency = 'X' WHERE instance = 'gw-b' AND sequence = 8");
        using var directory = new TemporaryDirectory();
        var publicKey = Path.Combine(directory.Path, "checkpoint-public-key.pem");
        await File.WriteAllTextAsync(publicKey, key.ExportSubjectPublicKeyInfoPem(), Ct);

        var (exit, output, _) = await RunAsync([], "audit", "verify", "--connection", database.ConnectionStringOf(database.LoginRole), "--schema", database.Schema, "--public-key", publicKey);

        Assert.Equal(AuditCommand.Broken, exit);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith($"broken: instance gw-b, sequence 3, {ChainBreakCodes.SequenceGap}: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("read: 23 records, 4 checkpoints, instances gw-a, gw-b", lines[1]);
    }

    [Theory]
    [InlineData(false, true, "audit_x", "No audit database")]
    [InlineData(true, false, "audit_x", "No checkpoint key")]
    [InlineData(true, true, "Audit-X", "The audit schema 'Audit-X' must be")]
    public async Task Verify_exits_2_for_bad_usage(bool withConnection, bool withKey, string schema, string expected)
    {
        using var directory = new TemporaryDirectory();
        using var key = AuditDatabaseChain.NewKey();
        var keyFile = Path.Combine(directory.Path, "key.pem");
        await File.WriteAllTextAsync(keyFile, key.ExportSubjectPublicKeyInfoPem(), Ct);
        var configuration = new Dictionary<string, string?> { ["Audit:Schema"] = schema };
        if (withConnection)
        {
            configuration["ConnectionStrings:Audit"] = AuditDatabase.ConnectionString;
        }

        if (withKey)
        {
            configuration["Audit:CheckpointKey"] = keyFile;
        }

        var (exit, _, errors) = await RunAsync(configuration, "audit", "verify");

        Assert.Equal(AuditCommand.BadUsage, exit);
        Assert.StartsWith(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_2_for_an_unknown_argument_and_a_key_that_is_not_a_key()
    {
        using var directory = new TemporaryDirectory();
        var notAKey = Path.Combine(directory.Path, "not-a-key.pem");
        await File.WriteAllTextAsync(notAKey, "hello", Ct);

        var unknown = await RunAsync([], "audit", "verify", "--connection", AuditDatabase.ConnectionString, "--public-key", notAKey, "--everything");
        var badKey = await RunAsync([], "audit", "verify", "--connection", AuditDatabase.ConnectionString, "--public-key", notAKey);

        Assert.Equal((AuditCommand.BadUsage, AuditCommand.BadUsage), (unknown.Exit, badKey.Exit));
        Assert.StartsWith("Unknown arguments: --everything", unknown.Errors, StringComparison.Ordinal);
        Assert.StartsWith($"The checkpoint key {notAKey} could not be read", badKey.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_3_when_the_trail_cannot_be_read()
    {
        using var directory = new TemporaryDirectory();
        using var key = AuditDatabaseChain.NewKey();
        var keyFile = Path.Combine(directory.Path, "key.pem");
        await File.WriteAllTextAsync(keyFile, key.ExportSubjectPublicKeyInfoPem(), Ct);

        var missingSchema = await RunAsync([], "audit", "verify", "--connection", AuditDatabase.ConnectionString, "--schema", "audit_never_made", "--public-key", keyFile);

        Assert.Equal(AuditCommand.Unreadable, missingSchema.Exit);
        Assert.StartsWith("The audit trail in audit_never_made could not be read: ", missingSchema.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reads_the_one_command_runs_spool_with_the_development_key()
    {
        using var directory = new TemporaryDirectory();
        var spoolRoot = Path.Combine(directory.Path, "audit-spool");
        var keyDirectory = Path.Combine(directory.Path, "keys");
        Directory.CreateDirectory(keyDirectory);
        using var key = AuditDatabaseChain.NewKey();
        await File.WriteAllTextAsync(Path.Combine(keyDirectory, AuditKeys.CheckpointKeyFile), key.ExportPkcs8PrivateKeyPem(), Ct);
        await using (var spool = AuditSpool.Open(new AuditSpoolSettings(spoolRoot, "gw-s", 3, TimeSpan.FromMinutes(1), KeepShipped: true), new CheckpointSigner(key), TimeProvider.System, NullLogger.Instance))
        {
            for (var i = 1; i <= 7; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), Ct);
            }

            await spool.CloseAsync(closing: true);
        }

        var whole = await RunAsync(new() { ["Audit:DevelopmentKeyDirectory"] = keyDirectory }, "audit", "verify", "--spool", spoolRoot);
        var both = await RunAsync([], "audit", "verify", "--spool", spoolRoot, "--connection", AuditDatabase.ConnectionString);
        var missing = await RunAsync([], "audit", "verify", "--spool", Path.Combine(directory.Path, "nowhere"));

        Assert.Equal(AuditCommand.Whole, whole.Exit);
        Assert.Matches("^whole: 7 records, [1-9][0-9]* checkpoints, instances gw-s$", whole.Output.Trim());
        Assert.Equal((AuditCommand.BadUsage, AuditCommand.BadUsage), (both.Exit, missing.Exit));
        Assert.StartsWith("Verify one trail: --spool DIR or --connection, not both.", both.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_makes_the_schema_and_names_the_role_to_grant_and_retain_refuses_less_than_180_days()
    {
        var schema = "audit_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var first = await RunAsync([], "audit", "migrate", "--connection", AuditDatabase.ConnectionString, "--schema", schema);
            var again = await RunAsync([], "audit", "migrate", "--connection", AuditDatabase.ConnectionString, "--schema", schema);
            var retained = await RunAsync(new() { ["ConnectionStrings:Audit"] = AuditDatabase.ConnectionString, ["Audit:Schema"] = schema }, "audit", "retain");
            var tooShort = await RunAsync([], "audit", "retain", "--connection", AuditDatabase.ConnectionString, "--schema", schema, "--retention-days", "90");

            Assert.Equal((0, 0, 0, AuditCommand.BadUsage), (first.Exit, again.Exit, retained.Exit, tooShort.Exit));
            Assert.Contains($"Applied to the audit schema {schema}: 0001_audit_records_and_checkpoints, 0002_audit_records_terms_index_and_lz4_bodies.", first.Output, StringComparison.Ordinal);
            Assert.Contains($"GRANT {schema}_writer TO <gateway role>;", first.Output, StringComparison.Ordinal);
            Assert.StartsWith($"The audit schema {schema} is up to date.", again.Output, StringComparison.Ordinal);
            Assert.StartsWith($"No partition of {schema} is older than 180 days.", retained.Output, StringComparison.Ordinal);
            Assert.StartsWith("A retention of 90 days is refused", tooShort.Errors, StringComparison.Ordinal);
        }
        finally
        {
            await using var source = NpgsqlDataSource.Create(AuditDatabase.ConnectionString);
            await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; DROP ROLE IF EXISTS \"{schema}_writer\"");
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(Dictionary<string, string?> configuration, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await new RootCommand { AuditCommand.Create(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build()) }
            .Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, Ct);
        return (exit, output.ToString(), errors.ToString());
    }
}
