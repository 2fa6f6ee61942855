using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Federation.ServiceDefaults.Health;

/// <summary>
/// The first thing a stopping service does: it reports itself unready, then keeps serving for
/// <see cref="ShutdownOptions.DrainDelay"/> while the load balancer takes it out of rotation, and only
/// then lets the server stop, which finishes the requests in flight (up to the host's shutdown timeout)
/// before the hosted services after it — the audit spool's close — run.
/// </summary>
internal sealed class ServiceDrain(IHostApplicationLifetime lifetime, ShutdownOptions options, TimeProvider time) : IHealthCheck, IHostedLifecycleService
{
    /// <summary>The readiness check's name, the same in every service.</summary>
    public const string CheckName = "draining";

    private volatile bool draining;

    public bool Draining => draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(draining ? HealthCheckResult.Unhealthy("the service is stopping") : HealthCheckResult.Healthy("the service takes requests"));

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() => draining = true);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before any hosted service stops, the web server included: the delay serves on, unready.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        if (options.DrainDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(options.DrainDelay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
