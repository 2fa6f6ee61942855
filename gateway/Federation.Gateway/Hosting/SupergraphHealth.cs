using Federation.Gateway.Composition;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Federation.Gateway.Hosting;

/// <summary>Ready once a supergraph is being served.</summary>
internal sealed class SupergraphHealth(SupergraphSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.Current.Subgraphs.Count > 0
            ? HealthCheckResult.Healthy($"serving a supergraph of {source.Current.Subgraphs.Count} subgraphs")
            : HealthCheckResult.Unhealthy("the supergraph has no subgraphs"));
}
