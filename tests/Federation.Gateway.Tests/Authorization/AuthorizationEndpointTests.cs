using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Execution;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.AspNetCore;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Authorization;

/// <summary>
/// Authorization behind the GraphQL endpoint: the status codes it asks for, and the federation
/// internals that the public schema does not have.
/// </summary>
public sealed class AuthorizationEndpointTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string AgencyHeader = "X-Test-Agency";

    [Theory]
    [InlineData("""{ _service { sdl } }""")]
    [InlineData("""{ _entities(representations: [{ __typename: "Person", idNumber: "110101199003074514" }]) { ... on Person { residenceAddress } } }""")]
    public async Task The_subgraph_protocols_entry_points_are_refused_and_no_subgraph_is_asked(string query)
    {
        await using var endpoint = await StartAsync(AuthorizationMode.Filter);
        var arrivals = fixture.Harness.Subgraphs.Arrivals.Count;

        var (status, body) = await endpoint.PostAsync(query, BeijingTaxBureau);

        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Contains("Cannot query field \"_", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(arrivals, fixture.Harness.Subgraphs.Arrivals.Count);
    }

    [Fact]
    public async Task A_request_without_a_token_for_catalogue_fields_gets_401()
    {
        await using var endpoint = await StartAsync(AuthorizationMode.Filter);

        var (status, body) = await endpoint.PostAsync($$"""{ person(idNumber: "{{LiHua}}") { name } }""", agency: null);

        Assert.Equal(401, status);
        Assert.Equal(AuthorizationErrorCodes.Unauthenticated, (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Reject_mode_answers_403_with_the_denied_paths()
    {
        await using var endpoint = await StartAsync(AuthorizationMode.Reject);

        var (status, body) = await endpoint.PostAsync($$"""{ person(idNumber: "{{LiHua}}") { name residenceAddress } }""", BeijingTaxBureau);

        Assert.Equal(403, status);
        Assert.Null(body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal("""["person","residenceAddress"]""", error!["path"]!.ToJsonString());
        Assert.Equal(AuthorizationErrorCodes.AgencyNotPermitted, (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task Filter_mode_answers_200_with_the_denied_field_null()
    {
        await using var endpoint = await StartAsync(AuthorizationMode.Filter);

        var (status, body) = await endpoint.PostAsync($$"""{ person(idNumber: "{{LiHua}}") { name residenceAddress } }""", BeijingTaxBureau);

        Assert.Equal(200, status);
        Assert.Equal("""{"person":{"name":"\u674E\u534E","residenceAddress":null}}""", body["data"]!.ToJsonString());
    }

    private async Task<Endpoint> StartAsync(AuthorizationMode mode)
    {
        var gateway = fixture.Harness.Gateway(
            With(Resource(
                Residence,
                ShareClass.Conditional,
                new ShareConditions([NingboMarketSupervision], [Purpose.WorkReference], ApplicationRequired: false, DivisionScoped: false, null),
                "Person.residenceAddress")),
            mode: mode);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGraphQL("/graphql", PlanHarness.Model.ApiSchema, options =>
        {
            options.Executor = new GatewayOperationExecutor(() => gateway);
            options.CreateContext = http =>
            {
                var agency = http.Request.Headers[AgencyHeader].ToString();
                return new GatewayContext(new GatewayCaller(agency.Length == 0 ? "anonymous" : agency, "WORK_REFERENCE"))
                {
                    Identity = agency.Length == 0 ? null : Caller(agency, "110000"),
                    Purpose = new StatedPurpose(Purpose.WorkReference, null),
                };
            };
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Endpoint(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private sealed class Endpoint(WebApplication app, HttpClient http) : IAsyncDisposable
    {
        public async Task<(int Status, JsonNode Body)> PostAsync([StringSyntax("graphql")] string query, string? agency)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
            if (agency is not null)
            {
                request.Headers.Add(AgencyHeader, agency);
            }

            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
