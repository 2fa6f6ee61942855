namespace Federation.Subgraphs.Spatial;

/// <summary>Says at start-up that requests are verified with the development secret, which must never reach production.</summary>
internal sealed partial class DevelopmentSecretWarning(ILogger<DevelopmentSecretWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogDevelopmentSecret(logger, SpatialRegisterSetup.DevelopmentSecret);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "GatewaySignature:Secret is not configured: verifying gateway signatures with the development secret \"{Secret}\". Configure a secret outside Development.")]
    private static partial void LogDevelopmentSecret(ILogger logger, string secret);
}
