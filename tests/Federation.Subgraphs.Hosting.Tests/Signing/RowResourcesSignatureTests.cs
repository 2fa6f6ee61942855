using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Tests.Federation;

namespace Federation.Subgraphs.Hosting.Tests.Signing;

/// <summary>
/// <c>X-Caller-Row-Resources</c>: the row-scoped resources the caller may read travel signed, so a
/// request cannot gain rows by adding, widening or keeping a header the gateway did not sign, nor
/// lose the header unnoticed; a caller without it may read no guarded rows.
/// </summary>
public sealed class RowResourcesSignatureTests
{
    private static readonly GatewayCaller Caller = new("tax-agency", "tax-assessment") { RowResources = ["licences.household-register-items"] };

    private static GatewaySignature Gateway() => new(SubgraphServer.Secret, new ManualClock(SubgraphServer.Now));

    private const string Mismatch = """{ "errors": [ { "message": "The gateway signature does not match the request.", "extensions": { "code": "SIGNATURE_INVALID" } } ] }""";

    [Fact]
    public async Task The_row_resources_are_sent_signed_and_accepted()
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(request, Caller with { RowResources = ["a.b", "c.d-e"] }, TestContext.Current.CancellationToken);

        var (status, _) = await server.SendAsync(request);

        Assert.Equal(200, status);
        Assert.Equal("a.b,c.d-e", request.Headers.GetValues(GatewaySignatureHeaders.CallerRowResources).Single());
        Assert.StartsWith("v4=", request.Headers.GetValues(GatewaySignatureHeaders.Signature).Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("removed")]
    [InlineData("widened")]
    [InlineData("replaced")]
    [InlineData("added")]
    public async Task Row_resources_changed_after_signing_are_refused(string change)
    {
        await using var server = await SubgraphServer.StartAsync();
        var request = SubgraphServer.WhoAmI();
        await Gateway().SignAsync(request, change == "added" ? Caller with { RowResources = [] } : Caller, TestContext.Current.CancellationToken);
        request.Headers.Remove(GatewaySignatureHeaders.CallerRowResources);
        var value = change switch
        {
            "removed" => null,
            "widened" => "licences.household-register-items,licences.marriage-certificate-items",
            "replaced" => "licences.marriage-certificate-items",
            _ => "licences.marriage-certificate-items",
        };
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(GatewaySignatureHeaders.CallerRowResources, value);
        }

        var (status, body) = await server.SendAsync(request);

        Assert.Equal(401, status);
        SubgraphHarness.AssertJson(Mismatch, body);
    }

    [Fact]
    public void A_caller_reads_exactly_the_rows_of_the_resources_named_and_none_without_the_header()
    {
        var caller = new GatewayCaller("a", "p") { RowResources = GatewayCaller.ParseRowResources("licences.household-register-items,licences.real-estate-title-items") };
        Assert.True(caller.MayReadRows("licences.household-register-items"));
        Assert.True(caller.MayReadRows("licences.real-estate-title-items"));
        Assert.False(caller.MayReadRows("licences.marriage-certificate-items"));
        Assert.False(caller.MayReadRows("licences.household-register"));

        var without = new GatewayCaller("a", "p") { RowResources = GatewayCaller.ParseRowResources(null) };
        Assert.Empty(without.RowResources);
        Assert.False(without.MayReadRows("licences.household-register-items"));
        Assert.False(new GatewayCaller("a", "p") { RowResources = GatewayCaller.ParseRowResources("") }.MayReadRows(""));
    }
}
