using Federation.Gateway.Tests.Caching;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Hosting.Tests.Hosting;

/// <summary>
/// The change events' Redis is in a subgraph's readiness, and its loss degrades the subgraph without
/// making it unready: its answers are right without Redis (the outbox keeps a PostgreSQL store's events,
/// the gateway evicts by type once its own subscription is back). On a Redis of the test's own, stopped and started.
/// </summary>
public sealed class RedisReadinessTests
{
    [Fact]
    public async Task Redis_down_leaves_the_subgraph_ready_but_degraded_and_its_return_heals_it()
    {
        await using var redis = await OwnRedis.StartAsync();
        await using var app = PopulationService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store"] = "InMemory",
                ["Seed:Persons"] = "0",
                ["ChangeEvents:Redis"] = redis.Configuration,
                ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Critical);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Assert.Equal(HealthStatus.Healthy, await RedisCheckAsync(app, HealthStatus.Healthy));
        Assert.Equal((200, """{"status":"Healthy"}"""), await ReadyAsync(http));

        await redis.StopAsync();
        Assert.Equal(HealthStatus.Degraded, await RedisCheckAsync(app, HealthStatus.Degraded));
        Assert.Equal((200, """{"status":"Degraded"}"""), await ReadyAsync(http));

        await redis.StartAgainAsync();
        Assert.Equal(HealthStatus.Healthy, await RedisCheckAsync(app, HealthStatus.Healthy));
        Assert.Equal((200, """{"status":"Healthy"}"""), await ReadyAsync(http));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The Redis check's status once it is <paramref name="awaited"/> (or the last seen, after 20 s).</summary>
    private static async Task<HealthStatus> RedisCheckAsync(WebApplication app, HealthStatus awaited)
    {
        var checks = app.Services.GetRequiredService<HealthCheckService>();
        var status = HealthStatus.Unhealthy;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var report = await checks.CheckHealthAsync(check => check.Name == ChangeEventSetup.RedisCheckName, TestContext.Current.CancellationToken);
            status = report.Entries[ChangeEventSetup.RedisCheckName].Status;
            if (status == awaited)
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        return status;
    }

    private static async Task<(int, string)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
