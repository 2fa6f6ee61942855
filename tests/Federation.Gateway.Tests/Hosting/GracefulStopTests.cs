using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Tests.Audit;
using Federation.Gateway.Tests.Authentication;
using Federation.Host;
using Federation.ServiceDefaults.Health;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// The gateway process stopped as Kubernetes stops a pod — SIGTERM — with a drain delay: its readiness
/// drops at once while its GraphQL endpoint keeps answering for the delay (the load balancer is still
/// taking it out), then it exits 0 and its port is free for the instance that replaces it.
/// </summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task On_SIGTERM_readiness_drops_at_once_requests_are_answered_through_the_drain_delay_and_the_exit_is_clean()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var world = new Federation.Subgraphs.DemoData.DemoWorld(20);
        await using var subgraphs = await EmbeddedSubgraphs.StartAsync(20, LogLevel.Warning, cancellation);
        var tokens = new TestTokens();
        await using var gateway = GatewayProcess.On(
            "gateway",
            [
                $"--GatewaySignature:Secret={subgraphs.Secret}",
                $"--Gateway:SupergraphFile={Repository.SupergraphFile}",
                .. subgraphs.Urls.Select(s => $"--Subgraphs:Endpoints:{s.Name}:Url={s.Url}"),
                // Long beyond what a loaded machine needs between the signal and the requests below.
                "--Shutdown:DrainDelay=00:00:08",
                "--Telemetry:Enabled=false",
                .. TestAuditTrail.Arguments(),
                .. tokens.Arguments(),
            ]);
        await gateway.StartAsync(cancellation);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var person = world.Person(3);

        var stopping = gateway.TerminateAsync(cancellation);
        var readiness = await ReadinessAfterSignalAsync(client, gateway, cancellation);
        var live = await client.GetAsync(new Uri(gateway.BaseAddress, ServiceHealth.LivePath.TrimStart('/')), cancellation);
        var answer = await PostAsync(client, gateway.GraphQL, tokens.For(TestTokens.PublicSecurity), person.IdNumber, cancellation);
        var exitCode = await stopping;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["data"] = new JsonObject { ["person"] = new JsonObject { ["name"] = person.Name } } }, JsonNode.Parse(answer)), answer);
        Assert.Equal(0, exitCode);
        using var successor = new TcpListener(IPAddress.Loopback, gateway.Port);
        successor.Start(); // throws when the port is still held
    }

    /// <summary>The readiness status once the signal has been taken: asked until it is no longer 200 (bounded).</summary>
    private static async Task<HttpStatusCode> ReadinessAfterSignalAsync(HttpClient client, GatewayProcess gateway, CancellationToken cancellationToken)
    {
        var url = new Uri(gateway.BaseAddress, ServiceHealth.ReadyPath.TrimStart('/'));
        for (var attempt = 0; ; attempt++)
        {
            using var ready = await client.GetAsync(url, cancellationToken);
            if (ready.StatusCode != HttpStatusCode.OK || attempt == 250)
            {
                return ready.StatusCode;
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task<string> PostAsync(HttpClient client, Uri url, string token, string idNumber, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent(new JsonObject
            {
                ["query"] = "query ($id: IdNumber!) { person(idNumber: $id) { name } }",
                ["variables"] = new JsonObject { ["id"] = idNumber },
            }),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add(PurposeDeclaration.PurposeHeader, "DATA_VERIFICATION");
        using var response = await client.SendAsync(request, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static StringContent JsonContent(JsonObject body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
