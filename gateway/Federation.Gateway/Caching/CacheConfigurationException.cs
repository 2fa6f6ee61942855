namespace Federation.Gateway.Caching;

/// <summary>
/// A <c>Cache</c> setting the gateway cannot start with. The start prints its message, not a stack trace
/// (<c>GatewayService.FailedCheck</c>); its own type because the cache's folder does not import the hosting one.
/// </summary>
internal sealed class CacheConfigurationException(string message) : InvalidOperationException(message);
