namespace Federation.ServiceDefaults.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section, the same in every service. Metrics cost little and are on, scraped at
/// <see cref="PrometheusPath"/>; traces are recorded only when something receives them (an OTLP endpoint),
/// so a service nobody traces pays nothing for its spans.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>False turns OpenTelemetry off altogether: no spans, no metrics export, no scrape endpoint.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The OTLP collector (<c>http://collector:4317</c>) traces and metrics are pushed to; none when null.
    /// The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is read when this is not set.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Whether spans are recorded; by default exactly when there is an OTLP endpoint to send them to.</summary>
    public bool? Traces { get; set; }

    /// <summary>
    /// The share of traces recorded, 0 to 1, for a trace the service starts; a subgraph follows the
    /// gateway's decision (parent-based sampling), so a trace is whole or absent.
    /// </summary>
    public double TraceSampling { get; set; } = 1.0;

    /// <summary>Whether the Prometheus scrape endpoint is served (an OpenTelemetry exporter still in beta).</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Where Prometheus scrapes. It carries counts and durations per operation, subgraph and code, never a caller.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    internal Uri? Collector =>
        OtlpEndpoint ?? (Uri.TryCreate(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"), UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);

    internal bool RecordsTraces => Enabled && (Traces ?? Collector is not null);
}
