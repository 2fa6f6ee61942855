using Federation.Gateway.Authentication;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Reload;

/// <summary><c>POST /admin/reload</c>: the competent department's, and no one else's.</summary>
[Collection(ReloadCollection.Name)]
public sealed class OperatorReloadTests(ReloadSubgraphs subgraphs)
{
    [Fact]
    public async Task The_competent_department_reloads_and_is_told_the_outcome_and_the_served_supergraph()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, new Dictionary<string, string> { ["Gateway:Reload:WatchFiles"] = "false" });
        var unchanged = await gateway.OperatorReloadAsync(gateway.Tokens.For(ReloadGateway.CompetentDepartment));
        var changed = File.ReadAllText(gateway.SupergraphFile).Replace("The full standard address", "The whole standard address", StringComparison.Ordinal);
        File.WriteAllText(gateway.SupergraphFile, changed);

        var swapped = await gateway.OperatorReloadAsync(gateway.Tokens.For(ReloadGateway.CompetentDepartment));

        Assert.Equal(200, unchanged.Status);
        Assert.Equal("UNCHANGED", (string?)unchanged.Body["outcome"]);
        Assert.Equal(200, swapped.Status);
        Assert.Equal("SWAPPED", (string?)swapped.Body["outcome"]);
        Assert.Empty(swapped.Body["errors"]!.AsArray());
        Assert.Equal(SupergraphReload.Hash(changed), (string?)swapped.Body["supergraph"]!["hash"]);
        Assert.Equal(changed, gateway.Source.Current.Sdl);
        Assert.StartsWith("operator zhou.qing of 1133020035308641XG", gateway.Reload.Status.LastAttempt!.Trigger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_operator_reload_answers_422_with_the_codes_and_the_last_good_set_serves()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, new Dictionary<string, string> { ["Gateway:Reload:WatchFiles"] = "false" });
        var serving = gateway.Source.Current;
        File.WriteAllText(gateway.CatalogueFile, "resources: [\n");

        var refused = await gateway.OperatorReloadAsync(gateway.Tokens.For(ReloadGateway.CompetentDepartment));

        Assert.Equal(422, refused.Status);
        Assert.Equal("REFUSED", (string?)refused.Body["outcome"]);
        Assert.Contains("CATALOGUE_INVALID_YAML", refused.Body["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["code"]));
        Assert.Equal(SupergraphReload.Hash(serving.Sdl), (string?)refused.Body["supergraph"]!["hash"]);
        Assert.Same(serving, gateway.Source.Current);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_anonymous_caller_is_refused_even_where_the_catalogue_is_public(bool anonymousCatalogue)
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, new Dictionary<string, string>
        {
            ["Authentication:AllowAnonymousCatalogue"] = anonymousCatalogue ? "true" : "false",
        });

        var answer = await gateway.OperatorReloadAsync(token: null);

        Assert.Equal(401, answer.Status);
        Assert.Equal([AuthenticationErrorCodes.Unauthenticated], answer.Codes);
        Assert.Null(gateway.Reload.Status.LastAttempt);
    }

    [Fact]
    public async Task A_caller_without_the_competent_department_role_is_refused()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        // The same agency as the competent department, without the role in the token.
        var withoutRole = ReloadGateway.CompetentDepartment with { Roles = new HashSet<string>() };

        var applicant = await gateway.OperatorReloadAsync(gateway.Tokens.For(ReloadGateway.PublicSecurity));
        var sameAgency = await gateway.OperatorReloadAsync(gateway.Tokens.For(withoutRole));

        Assert.Equal(403, applicant.Status);
        Assert.Equal(["RELOAD_FORBIDDEN"], applicant.Codes);
        Assert.Equal(403, sameAgency.Status);
        Assert.Equal(["RELOAD_FORBIDDEN"], sameAgency.Codes);
        Assert.Null(gateway.Reload.Status.LastAttempt);
    }

    [Fact]
    public async Task A_token_claiming_the_role_for_an_agency_the_registry_does_not_give_it_is_refused()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var claimed = ReloadGateway.PublicSecurity with { Roles = new HashSet<string> { PlatformRoles.CompetentDepartment } };

        var answer = await gateway.OperatorReloadAsync(gateway.Tokens.For(claimed));

        Assert.Equal(403, answer.Status);
        Assert.Equal([AuthenticationErrorCodes.RoleNotAllowed], answer.Codes);
        Assert.Null(gateway.Reload.Status.LastAttempt);
    }
}
