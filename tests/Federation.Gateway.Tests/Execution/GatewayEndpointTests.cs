using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Federation.Gateway.Execution;
using Federation.Gateway.Pipeline;
using Federation.Gateway.Planning;
using Federation.Gateway.Requests;
using Federation.Gateway.Tests.Planning;
using Federation.GraphQL.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Execution;

/// <summary>The gateway behind the GraphQL endpoint's executor seam, with plan inspection by header.</summary>
public sealed class GatewayEndpointTests
{
    private const string Query = $$"""{ person(idNumber: "{{FakeSubgraphs.LiHua}}") { name licences { totalCount } } }""";

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task The_endpoint_answers_through_the_gateway_and_shows_the_plan_only_when_enabled(bool enabled, bool shown)
    {
        await using var gateway = await GatewayHarness.StartAsync();
        var inspection = new QueryPlanInspection { Enabled = enabled };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapGraphQL("/graphql", PlanHarness.Model.ApiSchema, options =>
        {
            options.Executor = new GatewayOperationExecutor(() => gateway.Executor);
            options.CreateContext = http => new GatewayRequest(GatewayHarness.Caller, inspection.IsRequested(http.Request));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = Query }.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(QueryPlanInspection.Header, "true");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, (int)body["data"]!["person"]!["licences"]!["totalCount"]!);
        Assert.Equal(shown ? QueryPlanPrinter.Print(PlanHarness.Plan(Query)) : null, (string?)body["extensions"]?["queryPlan"]);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
