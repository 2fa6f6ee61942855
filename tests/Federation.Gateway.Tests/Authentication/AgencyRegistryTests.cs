using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// Who an agency is comes from the catalogue's agencies registry (DESIGN.md decision 7): a token says
/// which agency and user is asking; its division and the roles it may hold are the registry's, and a
/// token claiming otherwise is refused with 403 and a code — also when the gate remembers the token
/// from before the catalogue changed.
/// </summary>
public sealed class AgencyRegistryTests
{
    // Agencies of schema/catalogue.yaml.
    private const string PublicSecurity = "11330200123456788X";
    private const string CivilAffairs = "113302004296296290";
    private const string BigDataBureau = "1133020035308641XG";
    private const string HaishuMarketSupervision = "11330203041975306M";

    /// <summary>A valid unified social credit code that the registry does not list.</summary>
    private const string Unregistered = "91330100716105852F";

    [Fact]
    public async Task A_district_agencys_token_claiming_the_citys_division_is_refused_and_nothing_is_fetched()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync("Bearer " + tokens.With(Claims(HaishuMarketSupervision, division: "330200")));

        Assert.Equal((403, AuthenticationErrorCodes.DivisionMismatch), (answer.Status, answer.Code));
        Assert.Contains("division 330200", answer.Message, StringComparison.Ordinal);
        Assert.Contains("division 330203 in the agencies registry", answer.Message, StringComparison.Ordinal);
        Assert.Equal("", answer.Challenge); // a new token of the same claims would not help: no challenge invites one
        Assert.Null(answer.Json["data"]);
        Assert.Empty(endpoint.Contexts);
        Assert.Equal(0, endpoint.SubgraphRequests);
    }

    [Fact]
    public async Task A_token_without_a_division_gets_the_registrys_and_one_with_the_registrys_is_the_same_caller()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var without = await endpoint.PostAsync("Bearer " + tokens.With(Claims(HaishuMarketSupervision, division: null)));
        var with = await endpoint.PostAsync("Bearer " + tokens.With(Claims(HaishuMarketSupervision, division: "330203")));

        Assert.Equal((200, 200), (without.Status, with.Status));
        Assert.All(endpoint.Contexts, context => Assert.Equal((HaishuMarketSupervision, "330203"), (context.Identity!.Agency, context.Identity.Division)));
        Assert.Equal(2, endpoint.Contexts.Count);
    }

    [Fact]
    public async Task An_agency_the_registry_does_not_list_is_refused_naming_the_claim_and_not_the_token()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);
        var token = tokens.With(Claims(Unregistered, division: "330100"));

        var answer = await endpoint.PostAsync("Bearer " + token);

        Assert.Equal((403, AuthenticationErrorCodes.AgencyUnknown), (answer.Status, answer.Code));
        Assert.Equal($"The token's \"agency\" claim names agency {Unregistered}, which is not in the catalogue's agencies registry.", answer.Message);
        Assert.DoesNotContain(token, answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], answer.Body, StringComparison.Ordinal);
        Assert.Empty(endpoint.Contexts);
    }

    public static TheoryData<string, string, bool> Roles => new()
    {
        { PublicSecurity, PlatformRoles.Applicant, true },
        { CivilAffairs, PlatformRoles.Applicant, true },
        { PublicSecurity, PlatformRoles.Approver, true },        // provides the population resources
        { CivilAffairs, PlatformRoles.Approver, false },         // provides no resource
        { HaishuMarketSupervision, PlatformRoles.Approver, false },
        { BigDataBureau, PlatformRoles.CompetentDepartment, true },
        { PublicSecurity, PlatformRoles.CompetentDepartment, false },
        { CivilAffairs, PlatformRoles.CompetentDepartment, false },
        { BigDataBureau, PlatformRoles.Auditor, true },
        { PublicSecurity, PlatformRoles.Auditor, false },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_role_is_honoured_only_for_an_agency_the_registry_allows_it_else_the_token_is_refused(string agency, string role, bool allowed)
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync("Bearer " + tokens.With(Claims(agency, division: null, PlatformRoles.Applicant, role)));

        if (allowed)
        {
            Assert.Equal(200, answer.Status);
            Assert.True(Assert.Single(endpoint.Contexts).Identity!.Roles.SetEquals(new HashSet<string> { PlatformRoles.Applicant, role }));
        }
        else
        {
            Assert.Equal((403, AuthenticationErrorCodes.RoleNotAllowed), (answer.Status, answer.Code));
            Assert.Contains($"gives agency {agency} the role {role}", answer.Message, StringComparison.Ordinal);
            Assert.Empty(endpoint.Contexts);
        }
    }

    [Fact]
    public async Task Role_values_that_are_no_platform_role_mean_nothing_and_are_left_out()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync("Bearer " + tokens.With(Claims(PublicSecurity, division: null, "offline_access", PlatformRoles.Applicant, "Admin")));

        Assert.Equal(200, answer.Status);
        Assert.True(Assert.Single(endpoint.Contexts).Identity!.Roles.SetEquals([PlatformRoles.Applicant]));
    }

    [Fact]
    public async Task After_a_registry_edit_a_remembered_token_is_admitted_by_the_new_registry()
    {
        var tokens = new TestTokens();
        var validations = 0;
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure, services => services.PostConfigure<JwtBearerOptions>(
            GatewayAuthentication.Scheme,
            jwt => jwt.Events = new JwtBearerEvents { OnTokenValidated = _ => { Interlocked.Increment(ref validations); return Task.CompletedTask; } }));
        var approver = "Bearer " + tokens.With(Claims(PublicSecurity, division: null, PlatformRoles.Approver));
        var newcomer = "Bearer " + tokens.With(Claims(Unregistered, division: null));
        var committed = endpoint.Catalogue.Catalogue;

        var before = (await endpoint.PostAsync(approver), await endpoint.PostAsync(newcomer));
        // The registry moves the bureau to a district, takes away its resources and lists the newcomer.
        endpoint.Catalogue.Replace(Edited(committed, agencies =>
            [.. agencies.Select(a => a.Code == PublicSecurity ? a with { Division = "330203" } : a), new CatalogueAgency(Unregistered, "杭州市行政审批局", "Hangzhou Administrative Approval Bureau", "330100")],
            resource => resource.Provider == PublicSecurity ? resource with { Provider = BigDataBureau } : resource));
        var afterEdit = (await endpoint.PostAsync(approver), await endpoint.PostAsync(newcomer));
        endpoint.Catalogue.Replace(Edited(committed, agencies => [.. agencies.Select(a => a.Code == PublicSecurity ? a with { Division = "330203" } : a)], r => r));
        var afterSecondEdit = await endpoint.PostAsync(approver);

        Assert.Equal((200, 403), (before.Item1.Status, before.Item2.Status));
        Assert.Equal(AuthenticationErrorCodes.AgencyUnknown, before.Item2.Code);
        Assert.Equal((403, AuthenticationErrorCodes.RoleNotAllowed), (afterEdit.Item1.Status, afterEdit.Item1.Code)); // no longer a provider
        Assert.Equal(200, afterEdit.Item2.Status);
        Assert.Equal(200, afterSecondEdit.Status);
        var identities = endpoint.Contexts.Select(c => c.Identity!).ToList();
        Assert.Equal([("330200", PublicSecurity), ("330100", Unregistered), ("330203", PublicSecurity)], identities.Select(i => (i.Division, i.Agency)));
        Assert.Equal(2, validations); // each token was validated once; the registry was asked again after each edit
    }

    [Fact]
    public async Task The_gateway_service_admits_by_the_registry_of_the_catalogue_the_serving_supergraph_brings()
    {
        var tokens = new TestTokens();
        await using var app = GatewayService.Build(
            [
                "--Urls=http://127.0.0.1:0",
                "--GatewaySignature:Secret=agency-registry-test-secret-of-enough-bytes",
                "--Subgraphs:Endpoints:population:Url=http://127.0.0.1:9/graphql",
                .. tokens.Arguments(),
                .. TestAuditTrail.Arguments(),
            ],
            builder => builder.Logging.SetMinimumLevel(LogLevel.Critical));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql";
        var district = tokens.With(Claims(HaishuMarketSupervision, division: "330200", PlatformRoles.Applicant));
        var source = app.Services.GetRequiredService<SupergraphSource>();

        var before = await PostAsync(url, district);
        var edited = Edited(source.Current.Catalogue!, agencies => [.. agencies.Select(a => a.Code == HaishuMarketSupervision ? a with { Division = "330200" } : a)], r => r);
        source.Replace(Supergraph.Parse(source.Current.Sdl, edited));
        var after = await PostAsync(url, district);

        Assert.Equal((403, AuthenticationErrorCodes.DivisionMismatch), (before.Status, (string?)before.Json["errors"]![0]!["extensions"]!["code"]));
        Assert.Equal(200, after.Status);
        Assert.Equal("""{"shareApplications":[]}""", after.Json["data"]!.ToJsonString());
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static Dictionary<string, object> Claims(string agency, string? division, params string[] roles)
    {
        var claims = TestTokens.ClaimsOf();
        claims["agency"] = agency;
        claims["roles"] = roles;
        if (division is null)
        {
            claims.Remove("division");
        }
        else
        {
            claims["division"] = division;
        }

        return claims;
    }

    private static ShareCatalogue Edited(ShareCatalogue catalogue, Func<IReadOnlyList<CatalogueAgency>, IReadOnlyList<CatalogueAgency>> agencies, Func<CatalogueResource, CatalogueResource> resource) =>
        new(agencies(catalogue.Agencies), catalogue.DivisionFields, [.. catalogue.Resources.Select(resource)], catalogue.Subgraphs);

    private static async Task<(int Status, JsonObject Json)> PostAsync(string url, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(new JsonObject { ["query"] = "{ shareApplications { id } }" }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }
}
