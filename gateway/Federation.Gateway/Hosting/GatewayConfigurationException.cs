namespace Federation.Gateway.Hosting;

/// <summary>
/// The gateway's configuration lacks what it cannot start without: the operator's to fix, so a start
/// prints its message (<see cref="GatewayService.FailedCheck"/>), not a stack trace.
/// </summary>
public sealed class GatewayConfigurationException(string message) : InvalidOperationException(message);
