using System.Net;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Planning;
using Federation.Gateway.Sharing;
using Federation.GraphQL.Language;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// Row-scoped resources through the authorization stage, on the committed catalogue and supergraph:
/// the set the subgraphs are told of holds exactly the row-scoped resources the caller may read for
/// its purpose, of the agencies the operation touches, and each subgraph hears only its agency's.
/// </summary>
public sealed class RowScopedResourceTests
{
    private const string Marriage = "licences.marriage-certificate-items";
    private const string Household = "licences.household-register-items";
    private const string RealEstate = "licences.real-estate-title-items";
    private const string Library = "1133020035308641XG";
    private const string CivilAffairs = "113302004296296290";
    private const string Ningbo = "330200";

    private static readonly Lazy<ShareCatalogue> Committed = new(() => CatalogueFiles.FromFile(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)));

    private static readonly Lazy<Supergraph> Served = new(() => Supergraph.Parse(File.ReadAllText(Path.Combine(Repository.SchemaDirectory, AgencySubgraphs.SupergraphFile)), Committed.Value));

    private const string Licences = """query { licence(number: "J330203-2020-00000001") { number } }""";

    [Fact]
    public void The_committed_catalogue_row_scopes_the_three_licence_item_resources_only()
    {
        Assert.Equal(
            [Household, Marriage, RealEstate],
            Committed.Value.Resources.Where(r => r.Conditions is { RowScoped: true }).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_provider_reads_every_row_scoped_resource_of_its_own()
    {
        Assert.Equal([Marriage, Household, RealEstate], await RowResourcesAsync(Library, Purpose.DataVerification, new GrantList(), Licences));
    }

    [Fact]
    public async Task A_listed_agency_reads_only_the_resources_its_purpose_and_grants_allow()
    {
        var grant = Grant(Marriage, CivilAffairs, Purpose.DataVerification);

        Assert.Equal([Marriage], await RowResourcesAsync(CivilAffairs, Purpose.DataVerification, new GrantList(grant), Licences));
        Assert.Empty(await RowResourcesAsync(CivilAffairs, Purpose.DataVerification, new GrantList(), Licences));
        Assert.Empty(await RowResourcesAsync(CivilAffairs, Purpose.WorkReference, new GrantList(grant), Licences));
        Assert.Equal(
            [Marriage, Household],
            await RowResourcesAsync(CivilAffairs, Purpose.DataVerification, new GrantList(grant, Grant(Household, CivilAffairs, Purpose.DataVerification)), Licences));
    }

    [Fact]
    public async Task An_agency_the_conditions_do_not_list_reads_none_even_with_a_grant()
    {
        const string Housing = "11330200582716040M";
        Assert.Equal([Marriage], await RowResourcesAsync(Housing, Purpose.DataVerification, new GrantList(Grant(Marriage, Housing, Purpose.DataVerification)), Licences));
        var notListed = Committed.Value.Agencies.First(a => Committed.Value.Resources.Single(r => r.Id == Marriage).Conditions!.Agencies!.Contains(a.Code) == false && a.Code != Library).Code;
        Assert.Empty(await RowResourcesAsync(notListed, Purpose.DataVerification, new GrantList(Grant(Marriage, notListed, Purpose.DataVerification)), Licences));
    }

    [Fact]
    public async Task An_operation_that_touches_no_resource_of_the_library_decides_none_and_asks_no_grant()
    {
        var grants = new GrantList(Grant(Marriage, CivilAffairs, Purpose.DataVerification));
        Assert.Empty(await RowResourcesAsync(CivilAffairs, Purpose.DataVerification, grants, """query { person(idNumber: "330203199001010014") { name } }"""));
        Assert.Equal(0, grants.Asked);
    }

    [Fact]
    public async Task A_request_without_a_token_reads_no_rows()
    {
        var authorizer = Authorizer(new GrantList());
        var authorized = await authorizer.AuthorizeAsync(Request(Licences, identity: null, purpose: null), TestContext.Current.CancellationToken);
        Assert.Empty(authorized.RowResources);
    }

    [Theory]
    [InlineData("licences", "licences.marriage-certificate-items")]
    [InlineData("population", "")]
    public async Task Each_subgraph_is_sent_the_row_resources_of_its_own_agency_only(string subgraph, string expected)
    {
        var capture = new Capture();
        using var http = new HttpClient(new GatewaySigningHandler(new GatewaySignature("row-resources-test-secret-long-enough-for-hmac")) { InnerHandler = capture });
        var own = Committed.Value.Resources
            .Where(r => r.Conditions is { RowScoped: true } && r.Provider == Committed.Value.Subgraphs[subgraph])
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var client = new SubgraphClient(subgraph, http, new Uri("http://subgraph.test/graphql"), TimeSpan.FromSeconds(5), provider: Committed.Value.Subgraphs[subgraph], rowResources: own);
        var caller = new GatewayCaller(CivilAffairs, "DATA_VERIFICATION", Division: Ningbo) { RowResources = [Marriage, "spatial.some-row-scoped"] };

        var response = await client.SendAsync("{ __typename }", null, caller, TestContext.Current.CancellationToken);

        Assert.Null(response.Failure);
        Assert.Equal([expected], capture.Headers!.GetValues(GatewaySignatureHeaders.CallerRowResources));
    }

    private static async Task<IReadOnlyList<string>> RowResourcesAsync(string agency, Purpose purpose, GrantList grants, string query)
    {
        var identity = new Caller("user", agency, Committed.Value.Agencies.Single(a => a.Code == agency).Division, new HashSet<string>());
        var authorized = await Authorizer(grants).AuthorizeAsync(Request(query, identity, new StatedPurpose(purpose, null)), TestContext.Current.CancellationToken);
        Assert.Null(authorized.Refusal);
        return authorized.RowResources;
    }

    private static OperationAuthorizer Authorizer(GrantList grants) =>
        new ShareAuthorization(Committed.Value, grants, Options.Create(new AuthorizationOptions { Mode = AuthorizationMode.Filter }), new DenialList(), TimeProvider.System)
            .For(Served.Value.ApiSchema);

    private static GatewayRequest Request(string query, Caller? identity, StatedPurpose? purpose) =>
        new(Parser.Parse(query), QueryPlanCache.Hash(query), null, null, new GatewayCaller(identity?.Agency ?? "-", purpose?.Purpose.WireName() ?? "-"))
        {
            Identity = identity,
            Purpose = purpose,
        };

    private static Grant Grant(string resource, string agency, Purpose purpose) =>
        new(Guid.NewGuid(), Guid.NewGuid(), resource, agency, [purpose], DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), null);

    private sealed class Capture : HttpMessageHandler
    {
        public System.Net.Http.Headers.HttpRequestHeaders? Headers { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Headers = request.Headers;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"data":{"__typename":"Query"}}""") });
        }
    }
}
