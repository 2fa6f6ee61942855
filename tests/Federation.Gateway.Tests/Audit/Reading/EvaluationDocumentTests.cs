using Federation.Gateway.Audit;
using Federation.Gateway.Auditing;
using Federation.Gateway.Audit.Verification;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;
using static Federation.Gateway.Tests.Audit.Reading.AuditFixture;

namespace Federation.Gateway.Tests.Audit.Reading;

/// <summary>The evaluation's CSV against formula injection and RFC 4180, and the chain check over a spool's records.</summary>
public sealed class EvaluationDocumentTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("1-2", "1-2")]
    [InlineData("", "")]
    public void A_cell_is_neutralized_against_formulas_and_quoted_as_RFC_4180_asks(string value, string expected) =>
        Assert.Equal(expected, EvaluationDocument.Cell(value));

    [Fact]
    public void Names_from_the_catalogue_cannot_smuggle_a_formula_or_a_row_into_the_csv()
    {
        const string Agency = "11330200002000012A";
        var catalogue = new ShareCatalogue(
            [new CatalogueAgency(Agency, "=cmd|' /C calc'!A0", "Evil", "330200")],
            new Dictionary<string, string>(),
            [new CatalogueResource("population.base", "-1+1,\r\n2026,forged,row", "Base", Agency, ShareClass.Unconditional, ["Person.name"], "JSON", [ProvisionMethod.Api], UpdateFrequency.Daily, null, null)]);
        var evaluation = new AgencyEvaluation(2026, Agency, catalogue.Agency(Agency)!.Name, [new ProvidedResource(catalogue.Resources[0], 5, 2, 1)], 0, [], 0, 0, []);

        var csv = EvaluationDocument.Csv([evaluation]);

        Assert.Equal(
            "year,agency,agency_name,section,resource,resource_name,class,update_frequency,requests,requesting_agencies,failed_requests,resources_used,distinct_subjects,denied_fields,grants_used\r\n" +
            "2026,11330200002000012A,'=cmd|' /C calc'!A0,provided,population.base,\"'-1+1,\r\n2026,forged,row\",UNCONDITIONAL,DAILY,5,2,1,,,,\r\n" +
            "2026,11330200002000012A,'=cmd|' /C calc'!A0,used,,,,,0,,,0,0,0,0\r\n",
            csv);
    }

    [Fact]
    public async Task The_chain_check_over_a_spools_records_finds_a_record_changed_after_it_was_chained()
    {
        var records = Records().ToList();
        var check = new EnumeratedChainCheck(() => (records, []), new ChainVerifier([]));
        Assert.True((await check.VerifyAsync(TestContext.Current.CancellationToken)).Whole);

        // Another agency written into r2's body: the hash no longer covers it.
        var r2 = records.FindIndex(r => r.Entry.RequestId == "r2");
        var body = System.Text.Encoding.UTF8.GetString(records[r2].Body.Span).Replace(Sharing.SharingWorld.CivilAffairs, Sharing.SharingWorld.Taxation, StringComparison.Ordinal);
        records[r2] = records[r2] with { Body = System.Text.Encoding.UTF8.GetBytes(body) };

        var verification = await check.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.False(verification.Whole);
        Assert.Equal(("gateway-a", 2L, ChainBreakCodes.HashMismatch), (verification.FirstBreak!.Instance, verification.FirstBreak.Sequence, verification.FirstBreak.Code));
    }
}
