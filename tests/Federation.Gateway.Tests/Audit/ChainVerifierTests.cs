using System.Security.Cryptography;
using System.Text;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Verification;

namespace Federation.Gateway.Tests.Audit;

public sealed class ChainVerifierTests
{
    [Fact]
    public async Task A_whole_chain_verifies()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);

        var result = harness.Verifier().Verify(records, checkpoints);

        Assert.True(result.Whole);
        Assert.Null(result.FirstBreak);
        Assert.Equal(20, result.Records);
        Assert.Equal(5, result.Checkpoints); // 5, 10, 15, 20 and the closing one
        Assert.Equal(["gw-test"], result.Instances);
    }

    [Fact]
    public async Task A_modified_body_is_a_hash_mismatch_at_its_record()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        var body = Encoding.UTF8.GetString(records[6].Body.Span).Replace("u-7", "u-X", StringComparison.Ordinal);
        records[6] = records[6] with { Body = Encoding.UTF8.GetBytes(body) };

        ExpectBreak(harness.Verifier().Verify(records, checkpoints), 7, ChainBreakCodes.HashMismatch);
    }

    [Fact]
    public async Task A_modified_body_with_its_hash_recomputed_breaks_the_next_link()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(records[6].Body.Span).Replace("u-7", "u-X", StringComparison.Ordinal));
        records[6] = records[6] with { Body = body, Hash = AuditChain.Hash(records[6].PreviousHash.Span, body) };

        ExpectBreak(harness.Verifier().Verify(records, checkpoints), 8, ChainBreakCodes.PreviousHashMismatch);
    }

    [Fact]
    public async Task A_chain_rewritten_from_a_modified_record_on_is_caught_by_the_next_checkpoint()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        var previous = records[5].Hash.ToArray();
        for (var i = 6; i < records.Count; i++)
        {
            var body = i == 6
                ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(records[i].Body.Span).Replace("u-7", "u-X", StringComparison.Ordinal))
                : records[i].Body.ToArray();
            var hash = AuditChain.Hash(previous, body);
            records[i] = records[i] with { Body = body, PreviousHash = previous, Hash = hash };
            previous = hash;
        }

        ExpectBreak(harness.Verifier().Verify(records, checkpoints), 10, ChainBreakCodes.CheckpointMismatch);
    }

    [Fact]
    public async Task A_deleted_record_is_a_sequence_gap_at_it()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        records.RemoveAt(6);

        ExpectBreak(harness.Verifier().Verify(records, checkpoints), 7, ChainBreakCodes.SequenceGap);
    }

    [Theory]
    [InlineData(16)] // cut right after a checkpoint: the closing one still names 20
    [InlineData(18)]
    [InlineData(1)] // the whole chain gone, its checkpoints left
    public async Task A_cut_tail_is_tail_missing_at_the_first_record_cut(int firstCut)
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        records.RemoveRange(firstCut - 1, records.Count - firstCut + 1);

        ExpectBreak(harness.Verifier().Verify(records, checkpoints), firstCut, ChainBreakCodes.TailMissing);
    }

    [Fact]
    public async Task A_cut_tail_with_its_checkpoints_removed_too_is_found_by_the_next_run_s_opening_checkpoint()
    {
        using var harness = new SpoolHarness();
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 5)))
        {
            for (var i = 1; i <= 8; i++)
            {
                await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
            }
        }

        // The run crashed (no closing checkpoint); the next one pins record 8 before it appends.
        await using (var spool = harness.Open(harness.Settings(checkpointEvery: 5)))
        {
            await spool.AppendAsync(AuditEntries.Access(9), TestContext.Current.CancellationToken);
        }

        var contents = harness.Contents();
        var records = contents.Records.Where(record => record.Sequence is not (7 or 8 or 9)).ToList();

        ExpectBreak(harness.Verifier().Verify(records, contents.Checkpoints), 7, ChainBreakCodes.TailMissing);
    }

    [Fact]
    public async Task A_forged_checkpoint_is_an_invalid_signature_at_the_sequence_it_names()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        // Moved to name an earlier record, as if the chain ended there: the signature no longer covers it.
        checkpoints[^1] = checkpoints[^1] with { Sequence = 12, Hash = records[11].Hash };

        ExpectBreak(harness.Verifier().Verify(records, checkpoints), 12, ChainBreakCodes.CheckpointSignatureInvalid);
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_an_invalid_signature()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        var stranger = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        checkpoints.Add(stranger.Sign("gw-test", 25, AuditChain.Hash(AuditChain.Genesis, "x"u8), harness.Clock.Now.AddMinutes(5), closing: true));

        var result = harness.Verifier().Verify(records, checkpoints);

        ExpectBreak(result, 25, ChainBreakCodes.CheckpointSignatureInvalid);
        Assert.Contains(stranger.KeyId, result.FirstBreak!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_canonical_is_unreadable_even_with_a_matching_hash()
    {
        using var harness = new SpoolHarness();
        var (records, _) = await ChainAsync(harness, 3);
        var body = "{\"not\":\"a record\"}"u8.ToArray();
        records[2] = records[2] with { Body = body, Hash = AuditChain.Hash(records[2].PreviousHash.Span, body) };

        ExpectBreak(harness.Verifier().Verify(records, []), 3, ChainBreakCodes.BodyUnreadable);
    }

    [Fact]
    public async Task A_columns_check_that_disagrees_with_the_body_is_a_columns_mismatch()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 5);
        var verifier = new ChainVerifier([harness.Signer.PublicKey], columns: (record, body) => record.Sequence == 4 ? "agency differs" : null);

        ExpectBreak(verifier.Verify(records, checkpoints), 4, ChainBreakCodes.ColumnsMismatch);
    }

    [Fact]
    public async Task The_first_break_is_named_by_instance_then_sequence()
    {
        using var alpha = new SpoolHarness("alpha");
        using var beta = new SpoolHarness("beta");
        var keys = new CheckpointSigner[] { alpha.Signer, beta.Signer };
        var (alphaRecords, alphaCheckpoints) = await ChainAsync(alpha, 10);
        var (betaRecords, betaCheckpoints) = await ChainAsync(beta, 10);
        alphaRecords.RemoveAt(8);
        betaRecords.RemoveAt(2);

        var result = new ChainVerifier(keys.Select(key => key.PublicKey)).Verify([.. alphaRecords, .. betaRecords], [.. betaCheckpoints, .. alphaCheckpoints]);

        Assert.Equal(["alpha", "beta"], result.Instances);
        Assert.Equal(("alpha", 9L, ChainBreakCodes.SequenceGap), (result.FirstBreak!.Instance, result.FirstBreak.Sequence, result.FirstBreak.Code));
    }

    [Fact]
    public async Task Verifying_a_stream_gives_the_same_answer()
    {
        using var harness = new SpoolHarness();
        var (records, checkpoints) = await ChainAsync(harness, 20);
        records.RemoveAt(11);

        var result = await harness.Verifier().VerifyAsync(records.ToAsyncEnumerable(), checkpoints, TestContext.Current.CancellationToken);

        ExpectBreak(result, 12, ChainBreakCodes.SequenceGap);
    }

    private static void ExpectBreak(ChainVerification result, long sequence, string code)
    {
        Assert.False(result.Whole);
        Assert.NotNull(result.FirstBreak);
        Assert.Equal((sequence, code), (result.FirstBreak.Sequence, result.FirstBreak.Code));
    }

    /// <summary>A closed chain of <paramref name="count"/> records with a checkpoint every 5, read back from the spool.</summary>
    private static async Task<(List<ChainedRecord> Records, List<AuditCheckpoint> Checkpoints)> ChainAsync(SpoolHarness harness, int count)
    {
        var spool = harness.Open(harness.Settings(checkpointEvery: 5));
        for (var i = 1; i <= count; i++)
        {
            await spool.AppendAsync(AuditEntries.Access(i), TestContext.Current.CancellationToken);
        }

        await spool.CloseAsync(closing: true);
        var contents = harness.Contents();
        return ([.. contents.Records], [.. contents.Checkpoints]);
    }
}
