using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Federation.Subgraphs.Hosting.Tests.Signing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Federation.Subgraphs.Hosting.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Liveness_answers_without_a_signature_and_without_running_readiness_checks()
    {
        await using var server = await SubgraphServer.StartAsync(readiness: () => HealthCheckResult.Unhealthy("store down"));

        var (status, body) = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/live"));

        Assert.Equal(200, status);
        Assert.Equal("""{"status":"Healthy"}""", body);
    }

    [Theory]
    [InlineData(true, 200, """{"status":"Healthy"}""")]
    [InlineData(false, 503, """{"status":"Unhealthy"}""")]
    public async Task Readiness_follows_the_readiness_checks(bool storeUp, int expectedStatus, string expectedBody)
    {
        await using var server = await SubgraphServer.StartAsync(
            readiness: () => storeUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("store down"));

        var (status, body) = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/ready"));

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedBody, body);
    }
}

public sealed class LoggingTests
{
    [Fact]
    public void Subgraph_defaults_log_json_to_the_console_in_utc()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.AddSubgraphDefaults();
        using var app = builder.Build();

        var console = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        Assert.True(json.UseUtcTimestamp);
        Assert.True(json.IncludeScopes);
        Assert.Single(app.Services.GetServices<ILoggerProvider>());
    }
}
