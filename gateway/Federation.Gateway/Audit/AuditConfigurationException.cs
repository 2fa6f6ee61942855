namespace Federation.Gateway.Audit;

/// <summary>
/// A setting the trail cannot start with: a bad <c>Audit</c> value, a required key missing, a key file
/// others can read, a spool another process writes. The start prints its message, not a stack trace
/// (<c>GatewayService.FailedCheck</c>); its own type because the audit folder does not import the hosting one.
/// </summary>
internal sealed class AuditConfigurationException(string message, bool spoolInUse = false) : InvalidOperationException(message)
{
    /// <summary>The instance's spool is locked by another running gateway process.</summary>
    public bool SpoolInUse { get; } = spoolInUse;
}
