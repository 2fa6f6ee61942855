using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>The decision on its own: which grants count, and the division rule of the round.</summary>
public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CatalogueResource WithApplication = Resource(
        TestCatalogue.Residence,
        ShareClass.Conditional,
        new ShareConditions(null, [Purpose.WorkReference, Purpose.DataVerification], ApplicationRequired: true, DivisionScoped: false, null),
        "Person.residenceAddress");

    private static readonly Caller Ningbo = Caller(NingboMarketSupervision, "330200");
    private static readonly StatedPurpose WorkReference = new(Purpose.WorkReference, null);

    private static Grant GrantOf(string grant) => grant switch
    {
        "active for the purpose" => Grant(NingboMarketSupervision, TestCatalogue.Residence, Purpose.WorkReference, Now.AddDays(-1), Now.AddDays(1)),
        "of another agency" => Grant(BeijingTaxBureau, TestCatalogue.Residence, Purpose.WorkReference, Now.AddDays(-1), Now.AddDays(1)),
        "for another resource" => Grant(NingboMarketSupervision, Base, Purpose.WorkReference, Now.AddDays(-1), Now.AddDays(1)),
        "for another purpose" => Grant(NingboMarketSupervision, TestCatalogue.Residence, Purpose.DataVerification, Now.AddDays(-1), Now.AddDays(1)),
        "not yet valid" => Grant(NingboMarketSupervision, TestCatalogue.Residence, Purpose.WorkReference, Now.AddHours(1), Now.AddDays(1)),
        "ended a moment ago" => Grant(NingboMarketSupervision, TestCatalogue.Residence, Purpose.WorkReference, Now.AddDays(-1), Now),
        "revoked" => Grant(NingboMarketSupervision, TestCatalogue.Residence, Purpose.WorkReference, Now.AddDays(-1), Now.AddDays(1), revokedAt: Now.AddMinutes(-5)),
        _ => throw new ArgumentOutOfRangeException(nameof(grant)),
    };

    /// <summary>A grant book may hand over more than it must; the decision counts only a grant that truly allows the request.</summary>
    [Theory]
    [InlineData("active for the purpose", true)]
    [InlineData("of another agency", false)]
    [InlineData("for another resource", false)]
    [InlineData("for another purpose", false)]
    [InlineData("not yet valid", false)]
    [InlineData("ended a moment ago", false)]
    [InlineData("revoked", false)]
    public void Only_an_active_grant_of_this_agency_for_this_resource_and_purpose_counts(string grant, bool allowed)
    {
        var decision = AccessPolicy.Decide(WithApplication, Ningbo, WorkReference, [GrantOf(grant)], Now);

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(allowed ? null : AuthorizationErrorCodes.ShareGrantRequired, decision.Code);
    }

    [Fact]
    public void The_grant_book_is_needed_only_past_the_provider_and_with_a_purpose()
    {
        Assert.True(AccessPolicy.NeedsGrants(WithApplication, Ningbo, WorkReference));
        Assert.False(AccessPolicy.NeedsGrants(WithApplication, Ningbo, null));
        Assert.False(AccessPolicy.NeedsGrants(WithApplication, Caller(PopulationBureau, "330000"), WorkReference));
        Assert.False(AccessPolicy.NeedsGrants(Resource(Base, ShareClass.Unconditional, null, "Person.name"), Ningbo, WorkReference));
    }

    [Theory]
    [InlineData("330200", "330203", true)]
    [InlineData("330200", "330200", true)]
    [InlineData("330000", "330203", true)]
    [InlineData("330000", "331002", true)]
    [InlineData("330203", "330203", true)]
    [InlineData("330203", "330204", false)]
    [InlineData("330200", "330102", false)]
    [InlineData("330000", "110101", false)]
    [InlineData("330200", "", false)]
    [InlineData("330200", null, false)]
    public void A_division_covers_the_codes_under_it(string caller, string? row, bool covered) =>
        Assert.Equal(covered, DivisionScope.Covers(caller, row));
}
