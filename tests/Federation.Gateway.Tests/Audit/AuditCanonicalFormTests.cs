using System.Text;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;

namespace Federation.Gateway.Tests.Audit;

public sealed class AuditCanonicalFormTests
{
    [Fact]
    public void An_entry_with_every_member_set_reads_back_equal()
    {
        var entry = AuditEntries.Full();

        var (instance, sequence, read) = AuditCanonicalForm.Read(AuditCanonicalForm.Write("gw-1.cluster_a", 42, entry));

        Assert.Equal("gw-1.cluster_a", instance);
        Assert.Equal(42, sequence);
        AuditEntries.AssertEqual(entry, read);
    }

    [Fact]
    public void A_minimal_entry_reads_back_equal_and_omits_what_it_does_not_have()
    {
        var entry = new AuditEntry { At = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), Kind = AuditKind.Reload };

        var body = AuditCanonicalForm.Write("gw", 1, entry);

        Assert.Equal("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0}""", Encoding.UTF8.GetString(body));
        AuditEntries.AssertEqual(entry, AuditCanonicalForm.Read(body).Entry);
    }

    [Fact]
    public void The_body_has_a_fixed_order_screaming_snake_names_and_utc_microseconds()
    {
        var entry = AuditEntries.Full();

        var text = Encoding.UTF8.GetString(AuditCanonicalForm.Write("gw", 7, entry));

        Assert.Equal(
            """{"instance":"gw","sequence":7,"at":"2026-12-07T09:30:15.123456Z","kind":"ACCESS","event":"REQUEST","user":"u-张三","agency":"11330100MB0000000X","division":"330100","purpose":"ADMINISTRATIVE_LICENSING","matter":"330100-0001","operationName":"PersonLicences","documentHash":"ab12","outcome":"PARTLY_DENIED","durationMicroseconds":1534,"clientAddress":"10.0.0.7","requestId":"0HN:00000001","errorCodes":["FORBIDDEN","GRANT_REQUIRED"],"fields":[{"coordinate":"Person.name","resource":"population.person.name","class":"UNCONDITIONAL","decision":"ALLOWED"},{"coordinate":"Person.income","resource":"population.person.income","class":"CONDITIONAL","decision":"ALLOWED_WITHIN_DIVISION","grant":"6f1c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f"},{"coordinate":"Person.health","resource":"population.person.health","class":"NOT_SHARED","decision":"DENIED","code":"NOT_SHARED","path":"person.health"},{"coordinate":"Licence.holder(id:)","resource":"licences.licence.holder","class":"CONDITIONAL","decision":"DRY_RUN_DENIED","code":"GRANT_REQUIRED"}],"subjects":[{"kind":"CITIZEN_ID","hash":"00ff","resources":["population.person.name","population.person.income"]},{"kind":"CREDIT_CODE","hash":"ee01"}],"detail":{"a":"1","b":null,"z":"\"quoted\"\n"}}""",
            text);
    }

    [Fact]
    public void Every_enum_member_has_a_name_that_reads_back()
    {
        foreach (var kind in Enum.GetValues<AuditKind>())
        {
            Assert.Equal(kind, AuditCanonicalForm.KindNamed(AuditCanonicalForm.NameOf(kind)));
        }

        foreach (var outcome in Enum.GetValues<AuditOutcome>())
        {
            Assert.Equal(outcome, AuditCanonicalForm.OutcomeNamed(AuditCanonicalForm.NameOf(outcome)));
        }

        foreach (var decision in Enum.GetValues<FieldDecision>())
        {
            Assert.Equal(decision, AuditCanonicalForm.DecisionNamed(AuditCanonicalForm.NameOf(decision)));
        }
    }

    [Fact]
    public void A_time_in_another_offset_is_written_in_utc_and_cut_to_microseconds()
    {
        var at = new DateTimeOffset(2026, 12, 7, 17, 30, 15, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        var entry = new AuditEntry { At = at, Kind = AuditKind.Access };

        var read = AuditCanonicalForm.Read(AuditCanonicalForm.Write("gw", 1, entry)).Entry;

        Assert.Equal(TimeSpan.Zero, read.At.Offset);
        Assert.Equal(at.AddTicks(-7), read.At);
        Assert.Equal(read.At, AuditCanonicalForm.Normalize(entry).At);
    }

    [Fact]
    public void An_entry_with_no_canonical_form_is_refused_and_the_next_is_written_whole()
    {
        var bad = new AuditEntry { At = DateTimeOffset.UnixEpoch, Kind = (AuditKind)99 };

        Assert.Throws<ArgumentOutOfRangeException>(() => AuditCanonicalForm.EntryPart(bad));
        var body = AuditCanonicalForm.Write("gw", 1, AuditEntries.Full());

        AuditEntries.AssertEqual(AuditEntries.Full(), AuditCanonicalForm.Read(body).Entry);
    }

    [Fact]
    public void A_lone_surrogate_is_written_as_a_replacement_character_instead_of_failing_the_record()
    {
        var entry = new AuditEntry { At = DateTimeOffset.UnixEpoch, Kind = AuditKind.Access, User = "x\ud800y" };

        var read = AuditCanonicalForm.Read(AuditCanonicalForm.Write("gw", 1, entry)).Entry;

        Assert.Equal("x\ufffdy", read.User);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("[]", "StartObject expected")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD"}""", "required")]
    [InlineData("""{"sequence":1,"instance":"gw","at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0}""", "out of order")]
    [InlineData("""{"instance":"gw","instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0}""", "repeated")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0,"extra":1}""", "unknown")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00Z","kind":"RELOAD","durationMicroseconds":0}""", "microseconds")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000+08:00","kind":"RELOAD","durationMicroseconds":0}""", "microseconds")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"Reload","durationMicroseconds":0}""", "unknown kind")]
    [InlineData("""{"instance":"gw","sequence":"1","at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0}""", "Number expected")]
    [InlineData("""{"instance":"gw","sequence":1.5,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0}""", "64-bit")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0}{}""", "not JSON")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0,"errorCodes":[]}""", "empty")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"RELOAD","durationMicroseconds":0,"errorCodes":[1]}""", "String expected")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"ACCESS","durationMicroseconds":0,"fields":[{"coordinate":"A.b","resource":"r","class":"C"}]}""", "decision")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"ACCESS","durationMicroseconds":0,"fields":[{"coordinate":"A.b","resource":"r","class":"C","decision":"ALLOWED","grant":"6F1C2A8E-1D2B-4C3D-9E8F-0A1B2C3D4E5F"}]}""", "lower-case UUID")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"ACCESS","durationMicroseconds":0,"subjects":[{"hash":"00"}]}""", "kind and hash")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"ACCESS","durationMicroseconds":0,"detail":{"b":"1","a":"2"}}""", "detail names")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"ACCESS","durationMicroseconds":0,"detail":{"a":[]}}""", "String expected")]
    [InlineData("""{"instance":"gw","sequence":1,"at":"2026-12-07T09:00:00.000000Z","kind":"ACCESS""", "not JSON")]
    public void A_malformed_body_is_refused_with_a_format_exception(string body, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => AuditCanonicalForm.Read(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_chains_the_previous_hash_and_the_body()
    {
        var body = AuditCanonicalForm.Write("gw", 1, AuditEntries.Full());

        var first = AuditChain.Hash(AuditChain.Genesis, body);
        var second = AuditChain.Hash(first, body);

        Assert.Equal(32, first.Length);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. new byte[32], .. body]), first);
        Assert.NotEqual(first, second);
        Assert.Throws<ArgumentException>(() => AuditChain.Hash(new byte[31], body));
    }
}
