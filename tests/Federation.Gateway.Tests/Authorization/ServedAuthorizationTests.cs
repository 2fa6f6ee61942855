using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Gateway.Tests.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// The gateway service as it runs: signed-in callers authorized against the committed catalogue
/// (schema/catalogue.yaml), the mode from configuration.
/// </summary>
public sealed class ServedAuthorizationTests
{
    private const string LicenceBureau = "1133020035308641XG";

    private const string HolderLicences = $$"""{ person(idNumber: "{{FakeSubgraphs.LiHua}}") { name licences { totalCount } } }""";

    private const string LicenceListing = """{ licences(first: 10) { totalCount } }""";

    [Fact]
    public async Task The_provider_reads_its_licence_listing_and_another_agency_without_a_grant_gets_SHARE_GRANT_REQUIRED()
    {
        await using var gateway = await ServedGateway.StartAsync(AuthorizationMode.Filter);

        var provider = await gateway.PostAsync(LicenceListing, new Caller("zhou.qing", LicenceBureau, "330200", new HashSet<string>()), "DATA_VERIFICATION");
        var other = await gateway.PostAsync(LicenceListing, TestTokens.PublicSecurity, "DATA_VERIFICATION");
        var holder = await gateway.PostAsync(HolderLicences, TestTokens.PublicSecurity, "DATA_VERIFICATION");

        Assert.Equal(200, provider.Status);
        Assert.Null(provider.Body["errors"]);
        Assert.True((int)provider.Body["data"]!["licences"]!["totalCount"]! > 0);
        Assert.Equal(200, other.Status);
        var error = Assert.Single(other.Body["errors"]!.AsArray());
        Assert.Equal(
            ("""["licences"]""", AuthorizationErrorCodes.ShareGrantRequired, "licences.listing"),
            (error!["path"]!.ToJsonString(), (string?)error["extensions"]!["code"], (string?)error["extensions"]!["resource"]));

        // A person's own licences are another resource, open to any agency for this purpose without an application.
        Assert.Null(holder.Body["errors"]);
        Assert.Equal(2, (int)holder.Body["data"]!["person"]!["licences"]!["totalCount"]!);
    }

    [Fact]
    public async Task Reject_mode_is_read_from_configuration()
    {
        await using var gateway = await ServedGateway.StartAsync(AuthorizationMode.Reject);

        var other = await gateway.PostAsync(HolderLicences, TestTokens.PublicSecurity, purpose: null);

        Assert.Equal(403, other.Status);
        Assert.Null(other.Body["data"]);
        Assert.Equal(AuthorizationErrorCodes.PurposeRequired, (string?)other.Body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Without_a_token_the_public_catalogue_is_served_and_an_agency_register_is_refused_with_401()
    {
        await using var gateway = await ServedGateway.StartAsync(AuthorizationMode.Filter, anonymousCatalogue: true);

        var catalogue = await gateway.PostAsync("""{ catalogueResource(id: "licences.listing") { id class } __typename }""", caller: null, purpose: null);
        var register = await gateway.PostAsync("""{ catalogueResource(id: "licences.listing") { id } licence(number: "L-1") { number } }""", caller: null, purpose: null);

        Assert.Equal(200, catalogue.Status);
        Assert.Equal("""{"catalogueResource":{"id":"licences.listing","class":"CONDITIONAL"},"__typename":"Query"}""", catalogue.Body["data"]!.ToJsonString());
        Assert.Equal(401, register.Status);
        Assert.Null(register.Body["data"]);
        Assert.Equal(AuthorizationErrorCodes.Unauthenticated, (string?)register.Body["errors"]![0]!["extensions"]!["code"]);
    }

    private sealed class ServedGateway(FakeSubgraphs subgraphs, WebApplication app, HttpClient http, TestTokens tokens) : IAsyncDisposable
    {
        public static async Task<ServedGateway> StartAsync(AuthorizationMode mode, bool anonymousCatalogue = false)
        {
            var subgraphs = await FakeSubgraphs.StartAsync();
            var tokens = new TestTokens();
            var app = GatewayService.Build([], builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                TestAuditTrail.Configure(builder.Configuration);
                builder.Configuration["GatewaySignature:Secret"] = FakeSubgraphs.Secret;
                builder.Configuration["Gateway:SupergraphFile"] = Path.Combine(Repository.SchemaDirectory, "supergraph.graphql");
                builder.Configuration["Authorization:Mode"] = mode.ToString();
                builder.Configuration["Authentication:AllowAnonymousCatalogue"] = anonymousCatalogue.ToString();
                tokens.Configure(builder.Configuration);
                foreach (var (name, url) in subgraphs.Urls)
                {
                    builder.Configuration[$"Subgraphs:Endpoints:{name}:Url"] = url.ToString();
                }
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ServedGateway(subgraphs, app, new HttpClient { BaseAddress = new Uri(address) }, tokens);
        }

        public async Task<(int Status, JsonNode Body)> PostAsync(string query, Caller? caller, string? purpose)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
            if (caller is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(caller));
            }
            if (purpose is not null)
            {
                request.Headers.Add(PurposeDeclaration.PurposeHeader, purpose);
            }

            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            await subgraphs.DisposeAsync();
        }
    }
}
