using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Federation.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for one service of the platform: the incoming requests (ASP.NET Core), the outgoing ones
/// (HttpClient), PostgreSQL (Npgsql), Redis (StackExchange.Redis: the <see cref="StackExchange.Redis.IConnectionMultiplexer"/>
/// registered as a service, if any), and the service's own activity sources and meters; pushed over OTLP
/// when a collector is configured, scraped by Prometheus otherwise (<see cref="TelemetryOptions"/>).
/// </summary>
public static class ServiceTelemetry
{
    /// <summary>
    /// Adds OpenTelemetry as the <c>Telemetry</c> section says, for the service <paramref name="serviceName"/>
    /// with its <paramref name="sources"/> and <paramref name="meters"/> (names may end in <c>*</c>).
    /// </summary>
    public static TBuilder AddServiceTelemetry<TBuilder>(this TBuilder builder, string serviceName, string[] sources, string[] meters)
        where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsqlInstrumentation().AddMeter(meters);
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.Collector is { } collector)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = collector);
                }
            });
        if (options.RecordsTraces)
        {
            // OpenTelemetry's ASP.NET Core instrumentation reads the incoming trace context a second time with the
            // default propagator unless that is the plain W3C one, and then starts the request's span under what the
            // caller sent, tracestate and baggage included — past the host's own propagator (StartTracesAtTheEdge,
            // ContinueSignedTraces). With the plain W3C propagator it leaves the reading to the host.
            Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.TraceSampling, 0, 1))))
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        // Probes and scrapes every few seconds would drown the requests.
                        aspNetCore.Filter = http => !IsOperational(http.Request.Path, options);
                    })
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    // The command's name only, never its key or script (SetVerboseDatabaseStatements stays off):
                    // keys may hold what identifies a person. No Enrich or Filter, so commands are not held until the request ends.
                    .AddRedisInstrumentation(redis => redis.SetVerboseDatabaseStatements = false)
                    .AddSource(sources);
                if (options.Collector is { } collector)
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = collector);
                }
            });
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when the options serve one; anonymous, like the health endpoints.</summary>
    public static IEndpointRouteBuilder MapServiceMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<TelemetryOptions>();
        if (options is { Enabled: true, Prometheus: true })
        {
            endpoints.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return endpoints;
    }

    /// <summary>
    /// Makes the ASP.NET Core host start every request's trace afresh: a client outside the platform
    /// does not choose the trace its request joins (nor read another's by naming it). Subgraphs, whose
    /// callers are the signing gateway, continue the gateway's trace instead.
    /// </summary>
    public static IServiceCollection StartTracesAtTheEdge(this IServiceCollection services) =>
        services.AddSingleton<DistributedContextPropagator>(new EdgePropagator());

    /// <summary>
    /// Makes the ASP.NET Core host of a subgraph continue the trace of the gateway's <c>traceparent</c>, the one
    /// trace header the gateway signs (<c>GatewaySignature</c>), and nothing else from the wire: no
    /// <c>tracestate</c>, no <c>baggage</c>, no legacy <c>Request-Id</c>, which anyone on the way could add.
    /// </summary>
    public static IServiceCollection ContinueSignedTraces(this IServiceCollection services) =>
        services.AddSingleton<DistributedContextPropagator>(new SignedTraceParentPropagator());

    private static bool IsOperational(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments(options.PrometheusPath, StringComparison.Ordinal);

    /// <summary>Reads no trace context from incoming requests and writes none (the gateway signs its own, <c>GatewaySignature</c>).</summary>
    private sealed class EdgePropagator : DistributedContextPropagator
    {
        public override IReadOnlyCollection<string> Fields { get; } = [];

        public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
        {
        }

        public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
        {
            traceId = null;
            traceState = null;
        }

        public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
    }

    /// <summary>
    /// Reads the <c>traceparent</c> alone (a request whose signature does not cover it is refused before any
    /// resolver runs) and writes nothing: a subgraph calls no one on a request's behalf.
    /// </summary>
    private sealed class SignedTraceParentPropagator : DistributedContextPropagator
    {
        private const string TraceParent = "traceparent";

        public override IReadOnlyCollection<string> Fields { get; } = [TraceParent];

        public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
        {
        }

        public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
        {
            traceId = null;
            traceState = null;
            if (getter is not null)
            {
                getter(carrier, TraceParent, out traceId, out _);
            }
        }

        public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
    }
}
