using System.Diagnostics.Metrics;
using Federation.Gateway.Telemetry;
using Federation.Gateway.Tests.Reload;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Tests.Telemetry;

/// <summary>
/// The gateway's meters, as this gateway's <see cref="IMeterFactory"/> made them (others in the process count
/// apart): requests and their durations per operation, per subgraph, the plan cache's size; and the
/// Prometheus scrape endpoint that exports them.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class GatewayMetricsTests(ReloadSubgraphs subgraphs)
{
    [Fact]
    public async Task Requests_are_counted_and_timed_per_operation_and_per_subgraph()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var measured = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = Listen(gateway.Services.GetRequiredService<IMeterFactory>(), measured);

        await gateway.PostAsync("query LicenceTypes { licenceTypes { code } }", ReloadGateway.PublicSecurity);
        await gateway.PostAsync("query LicenceTypes { licenceTypes { code } }", ReloadGateway.PublicSecurity);
        listener.RecordObservableInstruments();

        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> seen;
        lock (measured)
        {
            seen = [.. measured];
        }

        var requests = seen.Where(m => m.Instrument == "federation.gateway.requests" && (string?)m.Tags[GatewayTelemetry.OperationName] == "LicenceTypes").ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, m => Assert.Equal("ok", m.Tags["outcome"]));
        Assert.Equal(2, seen.Count(m => m.Instrument == "federation.gateway.request.duration" && (string?)m.Tags[GatewayTelemetry.OperationName] == "LicenceTypes" && m.Value > 0));
        Assert.Equal(2, seen.Count(m => m.Instrument == "federation.gateway.subgraph.requests" && (string?)m.Tags[GatewayTelemetry.Subgraph] == "licences"));
        Assert.Equal(2, seen.Count(m => m.Instrument == "federation.gateway.subgraph.duration" && (string?)m.Tags[GatewayTelemetry.Subgraph] == "licences"));
        Assert.Contains(seen, m => m.Instrument == "federation.gateway.plan_cache.size" && m.Value == 1);
        Assert.Contains(seen, m => m.Instrument == "federation.gateway.audit.queue_depth");
    }

    [Fact]
    public async Task Prometheus_scrapes_the_gateways_meters()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        await gateway.PostAsync("query LicenceTypes { licenceTypes { code } }", ReloadGateway.PublicSecurity);

        using var client = new HttpClient();
        var text = await client.GetStringAsync(new Uri(gateway.Url, "/metrics"), TestContext.Current.CancellationToken);

        Assert.Contains("federation_gateway_requests_total{", text, StringComparison.Ordinal);
        Assert.Contains("federation_gateway_subgraph_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("graphql_operation_name=\"LicenceTypes\"", text, StringComparison.Ordinal);
    }

    private static MeterListener Listen(IMeterFactory meters, List<(string, double, Dictionary<string, object?>)> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name.StartsWith("Federation.Gateway.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var (key, tag) in tags)
            {
                copy[key] = tag;
            }

            lock (measured)
            {
                measured.Add((instrument.Name, value, copy));
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }
}
