using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Tests.Reload;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Tests.Telemetry;

/// <summary>
/// A gateway told to stop: readiness drops first while it still serves (<c>Shutdown:DrainDelay</c>), then the
/// server stops taking connections, the request in flight finishes with its answer, and the audit spool is
/// closed after it, its record in the chain before the closing checkpoint.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class GracefulShutdownTests(ReloadSubgraphs subgraphs)
{
    [Fact]
    public async Task Readiness_drops_first_and_the_request_in_flight_finishes_and_is_recorded_before_the_spool_closes()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, new Dictionary<string, string> { ["Shutdown:DrainDelay"] = "00:00:01" });
        var spool = Path.GetDirectoryName(gateway.Services.GetRequiredService<SpooledAuditTrail>().Spool.Directory)!;
        Assert.Equal(200, (await gateway.ReadyAsync(anonymous: true)).Status);
        var arrived = gateway.Held.HoldNext();
        var inFlight = gateway.PostAsync($"query InFlight {{ {HeldRequests.Marker}: licenceTypes {{ code }} }}", ReloadGateway.PublicSecurity);
        await arrived;

        var stopping = gateway.StopAsync();

        // Unready while it still answers: the load balancer stops sending before the server stops accepting.
        var draining = await gateway.ReadyAsync(anonymous: true);
        Assert.Equal(503, draining.Status);
        Assert.Equal("""{"status":"Unhealthy"}""", draining.Text);

        // Then the server takes no new connection, while the held request is still in flight.
        await WhileAnsweringAsync(gateway);
        Assert.False(inFlight.IsCompleted);

        gateway.Held.ReleaseAll();
        var answer = await inFlight;
        await stopping;

        Assert.Equal(200, answer.Status);
        Assert.NotEmpty(answer.Data![HeldRequests.Marker]!.AsArray());
        var trail = AuditSpool.ReadAll(spool);
        var record = Assert.Single(trail.Records, r => r.Entry.OperationName == "InFlight");
        var closing = trail.Checkpoints[^1];
        Assert.True(closing.Closing);
        Assert.True(closing.Sequence >= record.Sequence);
    }

    /// <summary>Returns once the gateway refuses connections (at most 20 s).</summary>
    private static async Task WhileAnsweringAsync(ReloadGateway gateway)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await gateway.ReadyAsync(anonymous: true);
            }
            catch (HttpRequestException)
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
