namespace Federation.Gateway.Audit;

/// <summary>
/// The audit trail cannot be kept as configured — a key missing, unreadable, too weak or readable by
/// others, a spool in use by another process or holding another instance's chain, a store setting
/// missing —: the gateway does not start without its trail, and the start prints this message
/// (<c>GatewayService.FailedCheck</c>), not a stack trace.
/// </summary>
public sealed class AuditConfigurationException(string message) : InvalidOperationException(message);
