using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Reload;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The entity cache's Redis is in the gateway's readiness, and its loss degrades the gateway without making
/// it unready: every read is then a miss that the subgraphs answer. The operator's details name its state.
/// On a Redis of the test's own (<see cref="OwnRedis"/>), stopped and started.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class RedisReadinessTests(ReloadSubgraphs subgraphs)
{
    [Fact]
    public async Task Redis_down_leaves_the_gateway_ready_but_degraded_the_details_say_so_and_its_return_heals_it()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var gateway = await ReloadGateway.StartAsync(
            subgraphs.Subgraphs,
            new Dictionary<string, string> { ["Cache:Redis"] = redis.Configuration, ["Cache:KeyPrefix"] = "readiness-" + Guid.NewGuid().ToString("N") + ":" });

        var up = await ReadinessOnceRedisIsAsync(gateway, "Healthy");
        Assert.Equal(200, up.Status);
        Assert.Equal("Healthy", (string?)up.Body["status"]);

        await redis.StopAsync();
        var down = await ReadinessOnceRedisIsAsync(gateway, "Degraded");
        Assert.Equal(200, down.Status);
        Assert.Equal("Degraded", (string?)down.Body["status"]);
        var check = down.Body["checks"]![GatewayHealth.RedisCheckName]!;
        Assert.Equal("Degraded", (string?)check["status"]);
        Assert.StartsWith("Redis", (string?)check["description"], StringComparison.Ordinal);
        Assert.Equal("Healthy", (string?)down.Body["checks"]!["supergraph"]!["status"]);
        var probe = await gateway.ReadyAsync(anonymous: true);
        Assert.Equal((200, """{"status":"Degraded"}"""), (probe.Status, probe.Text));

        // Still answering, from the subgraphs.
        var answer = await gateway.PostAsync("{ licenceTypes { code } }", ReloadGateway.PublicSecurity);
        Assert.Null(answer.Body["errors"]);
        Assert.NotEmpty(answer.Data!["licenceTypes"]!.AsArray());

        await redis.StartAgainAsync();
        var back = await ReadinessOnceRedisIsAsync(gateway, "Healthy");
        Assert.Equal(200, back.Status);
        Assert.Equal("Healthy", (string?)back.Body["status"]);
    }

    /// <summary>The operator's readiness once the Redis check reports <paramref name="status"/> (the last one read after 20 s).</summary>
    private static async Task<ReloadGateway.Answer> ReadinessOnceRedisIsAsync(ReloadGateway gateway, string status)
    {
        ReloadGateway.Answer ready = null!;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            ready = await gateway.ReadyAsync();
            if ((string?)ready.Body["checks"]?[GatewayHealth.RedisCheckName]?["status"] == status)
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        return ready;
    }
}
