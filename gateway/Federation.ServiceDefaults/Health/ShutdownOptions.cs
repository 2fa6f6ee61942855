namespace Federation.ServiceDefaults.Health;

/// <summary>The <c>Shutdown</c> section, the same in every service.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long a stopping service keeps serving while it reports unready, so the load balancer stops
    /// sending before the server stops accepting. None by default (one process, no balancer); a few seconds
    /// more than the readiness probe's period on Kubernetes.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long the requests in flight may take to finish once the server stops accepting (the host's shutdown timeout).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
