using Federation.Subgraphs.Hosting.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Federation.Subgraphs.Hosting.Stores;

/// <summary>
/// Brings the register up before the server takes requests — the change outbox first (the
/// agency's start-up may already write change events), then the agency's <see cref="IStoreStartup"/> —
/// and answers readiness: unready until that finished, then as the agency's register answers.
/// </summary>
internal sealed class StoreStartup(IStoreStartup agency, StoreOptions options, IServiceProvider services) : IHostedService, IHealthCheck
{
    /// <summary>The name of the readiness check, the same in every agency subgraph.</summary>
    public const string CheckName = "store";

    private volatile bool completed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.UsesPostgres)
        {
            await services.GetRequiredService<ChangeOutbox>().EnsureAsync(cancellationToken).ConfigureAwait(false);
        }

        await agency.PrepareAsync(cancellationToken).ConfigureAwait(false);
        completed = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!completed)
        {
            return HealthCheckResult.Unhealthy("The register is still being migrated or seeded.");
        }

        try
        {
            var reason = await agency.UnreadyReasonAsync(cancellationToken).ConfigureAwait(false);
            return reason is null ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(reason);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The register's database does not answer.", exception);
        }
    }
}
