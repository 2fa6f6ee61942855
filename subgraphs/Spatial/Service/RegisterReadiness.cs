using Federation.Subgraphs.Spatial.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Federation.Subgraphs.Spatial;

/// <summary>Ready once the start-up finished and the store answers (PostgreSQL reachable and migrated, memory loaded).</summary>
internal sealed class RegisterReadiness(IEnumerable<IHostedService> hosted, ISpatialStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (hosted.OfType<RegisterStartup>().FirstOrDefault() is not { IsComplete: true })
        {
            return HealthCheckResult.Unhealthy("The register is still being migrated or seeded.");
        }

        try
        {
            return await store.IsReadyAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The register's tables are missing or its seed is not loaded.");
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The register's database does not answer.", exception);
        }
    }
}
