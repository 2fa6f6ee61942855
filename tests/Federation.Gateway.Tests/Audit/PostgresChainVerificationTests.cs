using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Audit.Verification;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The verifier over the real PostgreSQL: a whole trail is whole; each kind of tampering an attacker with
/// the server's keys can do past the triggers (<see cref="AuditDatabase.TamperAsync"/>) is found and named
/// with its instance and sequence.
/// </summary>
public sealed class PostgresChainVerificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_whole_trail_of_two_instances_over_two_months_is_whole()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        var verification = await new PostgresChainVerification(database.Writer, database.Schema).VerifyAsync([key], null, Ct);

        Assert.True(verification.Whole, verification.FirstBreak?.ToString());
        Assert.Equal((24L, 4L), (verification.Records, verification.Checkpoints));
        Assert.Equal(["gw-a", "gw-b"], verification.Instances);
    }

    [Fact]
    public async Task A_changed_column_is_a_columns_mismatch_at_its_record()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        await database.TamperAsync("UPDATE records SET agency = '11330100MB0000001X' WHERE instance = 'gw-b' AND sequence = 7");

        var found = await FirstBreakAsync(database, key);
        Assert.Equal(("gw-b", 7L, ChainBreakCodes.ColumnsMismatch), (found.Instance, found.Sequence, found.Code));
        Assert.Contains("column agency is '11330100MB0000001X' where the body says '11330100MB0000000X'", found.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resources = array_remove(resources, 'population.person.name')", "column resources")]
    [InlineData("subjects = ARRAY['\\x0102'::bytea]", "column subjects")]
    [InlineData("at = at + interval '1 second'", "column at")]
    [InlineData("decisions = ARRAY['DENIED:NOT_SHARED']", "column decisions")]
    public async Task Any_searched_column_changed_is_found(string change, string named)
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        await database.TamperAsync($"UPDATE records SET {change} WHERE instance = 'gw-a' AND sequence = 1");

        var found = await FirstBreakAsync(database, key);
        Assert.Equal(("gw-a", 1L, ChainBreakCodes.ColumnsMismatch), (found.Instance, found.Sequence, found.Code));
        Assert.Contains(named, found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_body_is_a_hash_mismatch_at_its_record()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        await database.TamperAsync(
            "UPDATE records SET body = convert_to(replace(convert_from(body, 'UTF8'), 'u-9', 'u-8'), 'UTF8') WHERE instance = 'gw-b' AND sequence = 9");

        var found = await FirstBreakAsync(database, key);
        Assert.Equal(("gw-b", 9L, ChainBreakCodes.HashMismatch), (found.Instance, found.Sequence, found.Code));
    }

    [Fact]
    public async Task A_deleted_row_is_a_sequence_gap_at_its_place()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        await database.TamperAsync("DELETE FROM records WHERE instance = 'gw-a' AND sequence = 5");

        var found = await FirstBreakAsync(database, key);
        Assert.Equal(("gw-a", 5L, ChainBreakCodes.SequenceGap), (found.Instance, found.Sequence, found.Code));
    }

    [Fact]
    public async Task A_deleted_row_with_the_rest_renumbered_is_a_previous_hash_mismatch()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        await database.TamperAsync(
            """
            DELETE FROM records WHERE instance = 'gw-b' AND sequence = 4;
            UPDATE records SET sequence = sequence - 1 WHERE instance = 'gw-b' AND sequence > 4;
            """);

        var found = await FirstBreakAsync(database, key);
        Assert.Equal(("gw-b", 4L, ChainBreakCodes.PreviousHashMismatch), (found.Instance, found.Sequence, found.Code));
    }

    [Fact]
    public async Task A_cut_tail_is_found_by_the_checkpoint_that_names_it()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        await database.TamperAsync("DELETE FROM records WHERE instance = 'gw-a' AND sequence > 9");

        var found = await FirstBreakAsync(database, key);
        Assert.Equal(("gw-a", 10L, ChainBreakCodes.TailMissing), (found.Instance, found.Sequence, found.Code));
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_not_trusted()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        using var other = AuditDatabaseChain.NewKey();
        await StoreTwoChainsAsync(database, key);

        var found = await new PostgresChainVerification(database.Writer, database.Schema).VerifyAsync([other], null, Ct);

        Assert.Equal(ChainBreakCodes.CheckpointSignatureInvalid, found.FirstBreak?.Code);
    }

    [Fact]
    public async Task After_the_retention_a_chain_continues_from_its_cut_and_a_record_missing_after_the_cut_is_still_found()
    {
        await using var database = await AuditDatabase.CreateAsync();
        using var key = AuditDatabaseChain.NewKey();
        var cutoff = DateTimeOffset.UtcNow.AddDays(-AuditSchemaOwner.MinimumRetentionDays);
        var cutoffMonth = new DateTimeOffset(cutoff.Year, cutoff.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var chain = new AuditDatabaseChain("gw-a", key);
        chain.AppendAccesses(4, cutoffMonth.AddDays(-5));
        chain.Checkpoint();
        chain.AppendAccesses(4, cutoff.AddHours(1));
        chain.Checkpoint(closing: true);
        await database.Sink().WriteAsync(chain.Records, chain.Checkpoints, Ct);

        var dropped = await AuditSchemaOwner.RetainAsync(database.Owner, database.Schema, AuditSchemaOwner.MinimumRetentionDays, Ct);
        var afterRetention = await new PostgresChainVerification(database.Writer, database.Schema).VerifyAsync([key], null, Ct);
        await database.TamperAsync("DELETE FROM records WHERE instance = 'gw-a' AND sequence = 5");
        var found = await FirstBreakAsync(database, key);

        Assert.Contains("records_" + cutoffMonth.AddMonths(-1).ToString("yyyy_MM", System.Globalization.CultureInfo.InvariantCulture), dropped);
        Assert.True(afterRetention.Whole, afterRetention.FirstBreak?.ToString());
        Assert.Equal((4L, 1L), (afterRetention.Records, afterRetention.Checkpoints));
        Assert.Equal(("gw-a", 5L, ChainBreakCodes.SequenceGap), (found.Instance, found.Sequence, found.Code));
    }

    /// <summary>
    /// gw-a: 12 records, the first 6 last month, checkpoints at 6 and at 12 (closing); gw-b: the same,
    /// written in two batches.
    /// </summary>
    internal static async Task StoreTwoChainsAsync(AuditDatabase database, System.Security.Cryptography.ECDsa key)
    {
        var thisMonth = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var instance in new[] { "gw-a", "gw-b" })
        {
            var chain = new AuditDatabaseChain(instance, key);
            chain.AppendAccesses(6, thisMonth.AddDays(-3));
            chain.Checkpoint();
            chain.AppendAccesses(6, thisMonth.AddMinutes(5));
            chain.Checkpoint(closing: true);
            var sink = database.Sink();
            await sink.WriteAsync(chain.Records[..6], chain.Checkpoints[..1], Ct);
            await sink.WriteAsync(chain.Records[6..], chain.Checkpoints[1..], Ct);
        }
    }

    private static async Task<ChainBreak> FirstBreakAsync(AuditDatabase database, System.Security.Cryptography.ECDsa key)
    {
        var verification = await new PostgresChainVerification(database.Writer, database.Schema).VerifyAsync([key], null, Ct);
        Assert.False(verification.Whole);
        return verification.FirstBreak!;
    }
}
