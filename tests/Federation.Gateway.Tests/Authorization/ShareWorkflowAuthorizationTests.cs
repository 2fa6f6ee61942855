using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Requests;
using Federation.Gateway.Sharing;
using Federation.Gateway.Sharing.Storage;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// The share workflow and authorization together: an application approved by the provider opens
/// the item to the applicant for the purposes granted, and a revocation closes it on the next request.
/// </summary>
public sealed class ShareWorkflowAuthorizationTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string Residence = $$"""{ person(idNumber: "{{LiHua}}") { residenceAddress } }""";

    [Fact]
    public async Task An_approved_application_opens_the_item_and_a_revocation_closes_it_at_once()
    {
        var catalogue = With(Resource(
            TestCatalogue.Residence,
            ShareClass.Conditional,
            new ShareConditions(null, [Purpose.WorkReference, Purpose.DataVerification], ApplicationRequired: true, DivisionScoped: false, null),
            "Person.residenceAddress"));
        var store = new InMemoryShareStore();
        var workflow = new ShareWorkflow(store, catalogue, new WorkingDayCalendar([], [], TimeSpan.FromHours(8)), new SharingOptions(), TimeProvider.System);
        var gateway = fixture.Harness.Gateway(catalogue, store);
        var applicant = new Caller("zhang.wei", NingboMarketSupervision, "330200", new HashSet<string> { PlatformRoles.Applicant });
        var approver = new Caller("wu.min", PopulationBureau, "330000", new HashSet<string> { PlatformRoles.Approver });
        var workReference = new StatedPurpose(Purpose.WorkReference, null);
        var cancellation = TestContext.Current.CancellationToken;

        var before = await AuthorizationHarness.RunAsync(gateway, applicant, workReference, Residence);
        var application = await workflow.ApplyAsync(
            applicant,
            new ShareRequest(TestCatalogue.Residence, [Purpose.WorkReference], "核对市场主体登记的住所信息", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(90), null),
            cancellation);
        var approved = await workflow.ApproveAsync(approver, application.Id, null, null, null, cancellation);
        var granted = await AuthorizationHarness.RunAsync(gateway, applicant, workReference, Residence);
        var otherPurpose = await AuthorizationHarness.RunAsync(gateway, applicant, new StatedPurpose(Purpose.DataVerification, null), Residence);
        await workflow.RevokeAsync(approver, approved.GrantId!.Value, "用途已完成", cancellation);
        var revoked = await AuthorizationHarness.RunAsync(gateway, applicant, workReference, Residence);

        Assert.Equal(AuthorizationErrorCodes.ShareGrantRequired, Code(before));
        Assert.Equal("浙江省宁波市海曙区中山西路1号", (string?)JsonNode.Parse(granted.ToJson())!["data"]!["person"]!["residenceAddress"]);
        Assert.Null(JsonNode.Parse(granted.ToJson())!["errors"]);
        Assert.Equal(AuthorizationErrorCodes.ShareGrantRequired, Code(otherPurpose));
        Assert.Equal(AuthorizationErrorCodes.ShareGrantRequired, Code(revoked));
    }

    private static string? Code(GatewayResult result) => (string?)JsonNode.Parse(result.ToJson())!["errors"]?[0]?["extensions"]?["code"];
}
