using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Federation.ServiceDefaults.Health;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c>, the same on every service. Both are anonymous — probes
/// carry no token — and so tell an anonymous caller the status only (<c>{"status":"Healthy"}</c>): which
/// check failed and why names hosts, databases and subgraphs, for the operator's eyes
/// (<see cref="MapServiceHealth"/>'s <c>details</c>). A degraded check (Redis down, a subgraph
/// unreachable) leaves the service ready: it answers 200 with <c>Degraded</c>.
/// </summary>
public static class ServiceHealth
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs; <c>/health/live</c> runs none.</summary>
    public const string ReadinessTag = "ready";

    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// Health checks with the drain's readiness check (<see cref="ServiceDrain"/>) and the host's shutdown
    /// timeout from <c>Shutdown:DrainTimeout</c>.
    /// </summary>
    public static IHealthChecksBuilder AddServiceHealth(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
        builder.Services.AddSingleton(options);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.DrainTimeout + options.DrainDelay);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ServiceDrain>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ServiceDrain>());
        return builder.Services.AddHealthChecks().AddCheck<ServiceDrain>(ServiceDrain.CheckName, tags: [ReadinessTag]);
    }

    /// <summary>
    /// Maps both endpoints. <paramref name="details"/>, when given, writes the checks' details for a caller it
    /// decides may read them (returning false writes nothing more than the status); the readiness endpoint's
    /// convention builder is returned for the host to add its caller gate.
    /// </summary>
    public static IEndpointConventionBuilder MapServiceHealth(
        this IEndpointRouteBuilder endpoints,
        Func<HttpContext, HealthReport, Utf8JsonWriter, bool>? details = null)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (http, report) => WriteAsync(http, report, null) });
        return endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = (http, report) => WriteAsync(http, report, details),
        });
    }

    private static async Task WriteAsync(HttpContext http, HealthReport report, Func<HttpContext, HealthReport, Utf8JsonWriter, bool>? details)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            details?.Invoke(http, report, json);
            json.WriteEndObject();
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }
}
