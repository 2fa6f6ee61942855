using Federation.Protocol.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Hosting;

/// <summary>
/// A subgraph run on a developer's machine without a configured secret: in the Development
/// environment it verifies with its own clearly named development secret and says so at start;
/// anywhere else a missing secret stops start-up (<c>MapSubgraph</c> refuses to serve without one).
/// </summary>
public static partial class DevelopmentGatewaySecret
{
    /// <summary>Call after the configuration is complete, so a secret configured anywhere wins.</summary>
    public static TBuilder AddDevelopmentGatewaySecret<TBuilder>(this TBuilder builder, string secret)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(builder.Configuration[$"{GatewaySignatureOptions.Section}:Secret"]))
        {
            return builder;
        }

        builder.Services.PostConfigure<GatewaySignatureOptions>(options => options.Secret ??= secret);
        builder.Services.AddHostedService<Warning>();
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Section}:Secret is configured: verifying gateway signatures with the development secret. Never run like this outside Development.")]
    private static partial void LogDevelopmentSecret(ILogger logger, string section);

    private sealed class Warning(ILogger<Warning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogDevelopmentSecret(logger, GatewaySignatureOptions.Section);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
