using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Auditing;
using Npgsql;
using static Federation.Gateway.Tests.Audit.Reading.AuditFixture;
using static Federation.Gateway.Tests.Sharing.SharingWorld;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The records' indexes (migration 2): one GIN over the record's user and matter
/// (<see cref="AuditMigrations.TermsExpression"/>) instead of the GIN over its resources; a trail made by
/// the first migration is upgraded in place, and the reading API's user and matter filters can be planned on the new index.
/// </summary>
public sealed class PostgresAuditIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trail_made_before_the_terms_index_is_upgraded_and_still_found_by_user_matter_and_resource()
    {
        await using var database = await AuditDatabase.CreateAsync(migrations: 1);
        await database.Sink().WriteAsync(Records(), [], Ct);
        Assert.Equal("records_agency_at,records_at,records_pkey,records_resources,records_subjects", await IndexesAsync(database));

        var applied = await AuditSchemaOwner.MigrateAsync(database.Owner, database.Schema, null, Ct);

        Assert.Equal([2], applied.Select(m => m.Version));
        Assert.Equal("records_agency_at,records_at,records_pkey,records_subjects,records_terms", await IndexesAsync(database));
        // Every month partition the trail already had got the index too.
        Assert.Equal(
            (await database.PartitionsAsync("records")).Count,
            await database.ScalarAsOwnerAsync<long>($"SELECT count(*) FROM pg_inherits WHERE inhparent = '\"{database.Schema}\".records_terms'::regclass"));
        // Bodies past 2 KB are compressed with lz4 from now on, in the partitions there are and in those made later.
        await database.ExecuteAsOwnerAsync($"SELECT \"{database.Schema}\".ensure_month_partitions(now() + interval '20 days')");
        Assert.Equal(
            "l",
            await database.ScalarAsOwnerAsync<string>(
                $"""
                SELECT string_agg(DISTINCT a.attcompression::text, ',') FROM pg_attribute a
                WHERE a.attname = 'body' AND a.attrelid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = '"{database.Schema}".records'::regclass
                                                            UNION SELECT '"{database.Schema}".records'::regclass)
                """));
        var reader = new PostgresAuditReader(database.Writer, database.Schema, body => AuditCanonicalForm.Read(body.Span).Entry);
        async Task<string> Read(AuditFilter filter) => string.Join(",", (await reader.PageAsync(filter, null, 50, Ct)).Select(r => r.Entry.RequestId));
        Assert.Equal("r6,r4,r3", await Read(new AuditFilter { User = "zhao.lei" }));
        Assert.Equal("r1", await Read(new AuditFilter { Matter = "330200-0001" }));
        Assert.Equal("r5,r3,r1", await Read(new AuditFilter { Resource = MaritalRecords }));
        Assert.Equal("r3", await Read(new AuditFilter { User = "zhao.lei", Resource = MaritalRecords }));
        // A term is not a column: a user named like a matter's term finds nothing.
        Assert.Equal("", await Read(new AuditFilter { User = "matter:330200-0001" }));
        Assert.Equal("", await Read(new AuditFilter { Matter = "user:zhao.lei" }));
    }

    [Theory]
    [InlineData("user:zhao.lei")]
    [InlineData("matter:330200-0001")]
    public async Task A_filter_on_the_terms_expression_can_be_answered_from_the_index(string term)
    {
        await using var database = await AuditDatabase.CreateAsync();
        await database.Sink().WriteAsync(Records(), [], Ct);

        // With sequential and plain index scans off, only a bitmap scan of an index whose expression is the
        // query's can serve the condition: the reader's text (TermsExpression) must be the index's.
        await using var connection = await database.Owner.OpenConnectionAsync(Ct);
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off; SET enable_indexscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync(Ct);
        }

        await using var explain = new NpgsqlCommand(
            $"EXPLAIN SELECT instance, sequence FROM \"{database.Schema}\".records WHERE {AuditMigrations.TermsExpression} @> @terms", connection);
        explain.Parameters.AddWithValue("terms", new[] { term });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(0));
            }
        }

        var partitionIndexes = new List<string>();
        await using (var names = new NpgsqlCommand(
            $"SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '\"{database.Schema}\".records_terms'::regclass", connection))
        await using (var reader = await names.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                partitionIndexes.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(partitionIndexes);
        Assert.Contains(plan, line => line.Contains("Bitmap Index Scan", StringComparison.Ordinal) && partitionIndexes.Any(index => line.Contains(index, StringComparison.Ordinal)));
    }

    private static Task<string?> IndexesAsync(AuditDatabase database) =>
        database.ScalarAsOwnerAsync<string>(
            $"SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '{database.Schema}' AND tablename = 'records'");
}
