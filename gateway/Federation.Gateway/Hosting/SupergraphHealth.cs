using Federation.Gateway.Composition;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Federation.Gateway.Hosting;

/// <summary>
/// Ready once a supergraph is being served. A refused reload leaves it ready — the last good set
/// serves — and shows in the details (<see cref="SupergraphReloadStatus"/>: served since, the last
/// attempt, the last refusal with its codes), which <c>/health/ready</c> writes.
/// </summary>
internal sealed class SupergraphHealth(SupergraphSource source, SupergraphReload reload) : IHealthCheck
{
    public const string StatusKey = "reload";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var serving = source.Current;
        var data = new Dictionary<string, object> { [StatusKey] = reload.Status };
        return Task.FromResult(serving.Subgraphs.Count > 0
            ? HealthCheckResult.Healthy($"serving a supergraph of {serving.Subgraphs.Count} subgraphs ({string.Join(", ", serving.Subgraphs.Select(s => s.Name))})", data)
            : HealthCheckResult.Unhealthy("the supergraph has no subgraphs", data: data));
    }
}
