using Federation.Gateway.Audit.Storage;
using Npgsql;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The audit schema's rights, triggers, partitions and retention, against the real PostgreSQL: what the
/// writer role may do, what no role may do, and which months leave.
/// </summary>
public sealed class PostgresAuditSchemaTests
{
    private const string PermissionDenied = "42501";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_writer_role_inserts_and_selects_but_may_not_update_delete_or_truncate()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        await EnsureMonthAsync(database.Writer, database.Schema, now);
        await InsertRecordAsync(database.Writer, database.Schema, "gw-1", 1, now);
        await InsertCheckpointAsync(database.Writer, database.Schema, "gw-1", 1, now);

        Assert.Equal(1L, await ScalarAsync<long>(database.Writer, $"SELECT count(*) FROM \"{database.Schema}\".records"));
        Assert.Equal(1L, await ScalarAsync<long>(database.Writer, $"SELECT count(*) FROM \"{database.Schema}\".checkpoints"));
        var partition = "records_" + now.ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var sql in new[]
        {
            "UPDATE {0}.records SET agency = 'X'",
            "DELETE FROM {0}.records",
            "TRUNCATE {0}.records",
            "UPDATE {0}.checkpoints SET closing = true",
            "DELETE FROM {0}.checkpoints",
            "TRUNCATE {0}.checkpoints",
            "DELETE FROM {0}." + partition,
            "TRUNCATE {0}." + partition,
            "SELECT * FROM {0}.drop_partitions_before(180)",
            "CREATE TABLE {0}.records_2001_01 PARTITION OF {0}.records FOR VALUES FROM ('2001-01-01') TO ('2001-02-01')",
            "ALTER TABLE {0}.records DISABLE TRIGGER records_append_only",
            "SELECT * FROM {0}.schema_migrations",
            "INSERT INTO {0}.retention_cuts (instance, sequence, hash, partition) VALUES ('gw-1', 1, '\\x00', 'x')",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Writer, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"\"{database.Schema}\"")));
            Assert.True(refused.SqlState == PermissionDenied, $"{sql}: {refused.SqlState} {refused.MessageText}");
        }

        Assert.Equal(1L, await ScalarAsync<long>(database.Owner, $"SELECT count(*) FROM \"{database.Schema}\".records WHERE agency IS NULL"));
    }

    [Fact]
    public async Task The_owner_too_is_refused_update_delete_and_truncate_by_the_trigger()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        await EnsureMonthAsync(database.Writer, database.Schema, now);
        await InsertRecordAsync(database.Writer, database.Schema, "gw-1", 1, now);
        await InsertCheckpointAsync(database.Writer, database.Schema, "gw-1", 1, now);
        var month = now.ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(database.Owner, $"INSERT INTO \"{database.Schema}\".retention_cuts (instance, sequence, hash, partition) VALUES ('gw-0', 1, '\\x00', 'records_2000_01')");

        foreach (var sql in new[]
        {
            "UPDATE {0}.records SET agency = 'X'",
            "DELETE FROM {0}.records",
            "TRUNCATE {0}.records",
            "UPDATE {0}.records_" + month + " SET agency = 'X'",
            "DELETE FROM {0}.records_" + month,
            "TRUNCATE {0}.records_" + month,
            "UPDATE {0}.checkpoints SET closing = true",
            "DELETE FROM {0}.checkpoints",
            "TRUNCATE {0}.checkpoints",
            "TRUNCATE {0}.checkpoints_" + month,
            "DELETE FROM {0}.retention_cuts",
            "TRUNCATE {0}.retention_cuts",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Owner, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"\"{database.Schema}\"")));
            Assert.Equal(AuditSqlStates.AppendOnly, refused.SqlState);
            Assert.StartsWith("the audit trail is append-only: ", refused.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(1L, await ScalarAsync<long>(database.Owner, $"SELECT count(*) FROM \"{database.Schema}\".records WHERE agency IS NULL"));
        Assert.Equal(1L, await ScalarAsync<long>(database.Owner, $"SELECT count(*) FROM \"{database.Schema}\".checkpoints WHERE NOT closing"));
    }

    [Fact]
    public async Task A_role_that_is_not_granted_the_writer_role_reads_nothing()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var stranger = database.Schema + "_stranger";
        await database.ExecuteAsOwnerAsync($"CREATE ROLE \"{stranger}\" LOGIN");
        try
        {
            await using var source = NpgsqlDataSource.Create(database.ConnectionStringOf(stranger));
            foreach (var sql in new[] { "SELECT count(*) FROM {0}.records", "SELECT {0}.ensure_month_partitions(now())", "INSERT INTO {0}.checkpoints VALUES ('i', 1, '\\x00', now(), false, 'k', '\\x00')" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(source, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"\"{database.Schema}\"")));
                Assert.Equal(PermissionDenied, refused.SqlState);
            }
        }
        finally
        {
            await database.ExecuteAsOwnerAsync($"DROP ROLE \"{stranger}\"");
        }
    }

    [Fact]
    public async Task The_writer_role_makes_each_months_partitions_on_demand_with_utc_bounds()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var lastYear = now.AddMonths(-13);
        Assert.Empty(await database.PartitionsAsync("records"));

        await EnsureMonthAsync(database.Writer, database.Schema, now);
        await EnsureMonthAsync(database.Writer, database.Schema, now);
        await EnsureMonthAsync(database.Writer, database.Schema, lastYear);

        var months = new[] { lastYear, now }.Select(t => t.ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(months.Select(m => "records_" + m), await database.PartitionsAsync("records"));
        Assert.Equal(months.Select(m => "checkpoints_" + m), await database.PartitionsAsync("checkpoints"));
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var bound = await ScalarAsync<string>(
            database.Owner,
            $"SET TimeZone = 'UTC'; SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = to_regclass('\"{database.Schema}\".records_{months[1]}')");
        Assert.Equal($"FOR VALUES FROM ('{start:yyyy-MM-dd} 00:00:00+00') TO ('{start.AddMonths(1):yyyy-MM-dd} 00:00:00+00')", bound);

        // The last microsecond of a month and the first of the next land in their own months.
        await EnsureMonthAsync(database.Writer, database.Schema, start.AddMonths(-1));
        await InsertRecordAsync(database.Writer, database.Schema, "gw-1", 1, start.AddTicks(-10));
        await InsertRecordAsync(database.Writer, database.Schema, "gw-1", 2, start);
        Assert.Equal(1L, await ScalarAsync<long>(database.Owner, $"SELECT count(*) FROM \"{database.Schema}\".records_{months[1]}"));

        foreach (var refusedAt in new[] { now.AddDays(40), new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => EnsureMonthAsync(database.Writer, database.Schema, refusedAt));
            Assert.Equal(AuditSqlStates.PartitionOutOfRange, refused.SqlState);
        }
    }

    [Fact]
    public async Task Retention_drops_whole_months_older_than_it_and_keeps_the_month_that_holds_a_younger_record()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var now = await ScalarAsync<DateTime>(database.Owner, "SELECT now()");
        var cutoff = new DateTimeOffset(now, TimeSpan.Zero).AddDays(-AuditSchemaOwner.MinimumRetentionDays);
        // Around the cutoff, in the cutoff's month (or the month before it for the older one early in a month).
        var times = new[]
        {
            cutoff.AddDays(-400),
            cutoff.AddDays(-40),
            cutoff.AddHours(-1),
            cutoff.AddHours(1),
            cutoff.AddDays(40),
            new DateTimeOffset(now, TimeSpan.Zero),
        };
        var sequence = 0;
        foreach (var at in times)
        {
            await EnsureMonthAsync(database.Writer, database.Schema, at);
            await InsertRecordAsync(database.Writer, database.Schema, "gw-1", ++sequence, at);
            await InsertCheckpointAsync(database.Writer, database.Schema, "gw-1", sequence, at);
        }

        var dropped = await AuditSchemaOwner.RetainAsync(database.Owner, database.Schema, AuditSchemaOwner.MinimumRetentionDays, Ct);

        var cutoffMonth = new DateTimeOffset(cutoff.Year, cutoff.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var expectedGone = times.Where(t => t < cutoffMonth).Select(Month).Distinct().ToArray();
        Assert.NotEmpty(expectedGone);
        Assert.Equal(
            expectedGone.SelectMany(m => new[] { "checkpoints_" + m, "records_" + m }).Order(StringComparer.Ordinal),
            dropped.Order(StringComparer.Ordinal));
        Assert.Equal(times.Where(t => t >= cutoffMonth).Select(Month).Distinct().Select(m => "records_" + m), await database.PartitionsAsync("records"));
        var kept = await ScalarAsync<long[]>(database.Owner, $"SELECT array_agg(sequence ORDER BY sequence) FROM \"{database.Schema}\".records");
        Assert.Equal(Enumerable.Range(1, times.Length).Where(i => times[i - 1] >= cutoffMonth).Select(i => (long)i), kept!);
        Assert.Contains(4L, kept!);

        Assert.Empty(await AuditSchemaOwner.RetainAsync(database.Owner, database.Schema, AuditSchemaOwner.MinimumRetentionDays, Ct));
    }

    [Fact]
    public async Task A_retention_under_180_days_is_refused_by_the_code_and_by_the_schema()
    {
        await using var database = await AuditDatabase.CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AuditSchemaOwner.RetainAsync(database.Owner, database.Schema, 179, Ct));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.Owner, $"SELECT * FROM \"{database.Schema}\".drop_partitions_before(179)"));

        Assert.Equal(AuditSqlStates.RetentionTooShort, refused.SqlState);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_the_writer_role_cannot_log_in()
    {
        await using var database = await AuditDatabase.CreateAsync();

        Assert.Empty(await AuditSchemaOwner.MigrateAsync(database.Owner, database.Schema, null, Ct));

        Assert.Equal(1L, await ScalarAsync<long>(database.Owner, $"SELECT count(*) FROM pg_roles WHERE rolname = '{database.WriterRole}' AND NOT rolcanlogin"));
        Assert.Equal(
            "checkpoints,records,retention_cuts,schema_migrations",
            await ScalarAsync<string>(database.Owner, $"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = '{database.Schema}'"));
    }

    [Fact]
    public async Task The_partition_function_runs_with_a_fixed_search_path_and_the_owners_rights()
    {
        await using var database = await AuditDatabase.CreateAsync();

        var settings = await ScalarAsync<string[]>(
            database.Owner,
            $"SELECT proconfig FROM pg_proc WHERE proname = 'ensure_month_partitions' AND pronamespace = '\"{database.Schema}\"'::regnamespace");
        var definer = await ScalarAsync<bool>(
            database.Owner,
            $"SELECT prosecdef FROM pg_proc WHERE proname = 'ensure_month_partitions' AND pronamespace = '\"{database.Schema}\"'::regnamespace");

        Assert.True(definer);
        Assert.Contains($"search_path={database.Schema}, pg_temp", settings!);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit_2026")]
    [InlineData("_a")]
    public void A_schema_name_the_writer_roles_name_can_be_made_of_is_valid(string schema) =>
        Assert.True(AuditSchemaOwner.IsValidSchema(schema));

    [Theory]
    [InlineData("")]
    [InlineData("Audit")]
    [InlineData("audit-trail")]
    [InlineData("audit\"; DROP")]
    [InlineData("1audit")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567")]
    public void Other_schema_names_are_refused(string schema) =>
        Assert.False(AuditSchemaOwner.IsValidSchema(schema));

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task EnsureMonthAsync(NpgsqlDataSource source, string schema, DateTimeOffset at)
    {
        await using var command = source.CreateCommand($"SELECT \"{schema}\".ensure_month_partitions(@at)");
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task InsertRecordAsync(NpgsqlDataSource source, string schema, string instance, long sequence, DateTimeOffset at)
    {
        await using var command = source.CreateCommand(
            $"""
            INSERT INTO "{schema}".records ({AuditRecordColumns.List})
            VALUES (@instance, @sequence, @at, 'ACCESS', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL, ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::uuid[], ARRAY[]::bytea[], '\x7b7d', '\x00', '\x00')
            """);
        command.Parameters.AddWithValue("instance", instance);
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task InsertCheckpointAsync(NpgsqlDataSource source, string schema, string instance, long sequence, DateTimeOffset at)
    {
        await using var command = source.CreateCommand(
            $"INSERT INTO \"{schema}\".checkpoints (instance, sequence, hash, at, closing, key_id, signature) VALUES (@instance, @sequence, '\\x00', @at, false, 'k', '\\x00')");
        command.Parameters.AddWithValue("instance", instance);
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync(Ct);
        return value is DBNull or null ? default : (T)value;
    }
}
