using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Shipping;
using Federation.Gateway.Audit.Spool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Audit;

/// <summary>The audit trail's services, from the <c>Audit</c> section.</summary>
internal static partial class AuditServices
{
    /// <summary>
    /// Registers the options (validated: a bad setting stops the start), the keys, the subjects' keyed hash,
    /// the trail (<see cref="IAuditTrail"/>: the spool, its checkpoint timer, its closing at a graceful stop)
    /// and, with the Postgres store, the shipper (the sink, <see cref="IAuditSink"/>, is the store's). With
    /// <c>Audit:Enabled=false</c> nothing but a warning at the start.
    /// </summary>
    /// <exception cref="AuditConfigurationException">A setting is invalid or a required key is missing.</exception>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Read(configuration);
        if (!options.Enabled)
        {
            services.AddHostedService<AuditDisabledWarning>();
            return services;
        }

        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new AuditConfigurationException(string.Join(" ", problems));
        }

        var keys = AuditKeys.Load(options);
        services.AddSingleton(options);
        services.AddSingleton(keys);
        services.AddSingleton(keys.Subjects);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SpooledAuditTrail(
            options,
            keys,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SpooledAuditTrail>>(),
            options.Store == AuditStore.Postgres ? provider.GetRequiredService<IAuditSink>() : null));
        services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<SpooledAuditTrail>());
        if (options.Store == AuditStore.Postgres)
        {
            // Registered before the trail: hosted services stop in reverse, so the trail closes its chain
            // first and the shipper then ships the closing checkpoint.
            services.AddHostedService<AuditShipper>();
        }

        services.AddHostedService(provider => provider.GetRequiredService<SpooledAuditTrail>());
        return services;
    }

    /// <summary>The <c>Audit</c> section; a value that does not bind (a store that is not Spool or Postgres) is a configuration error.</summary>
    public static AuditOptions Read(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        }
        catch (InvalidOperationException exception)
        {
            throw new AuditConfigurationException($"The {AuditOptions.Section} section does not read: {exception.InnerException?.Message ?? exception.Message}");
        }
    }

    /// <summary>Says at the start, as a warning, that nothing is audited.</summary>
    private sealed partial class AuditDisabledWarning(ILogger<AuditDisabledWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Disabled(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 6200, EventName = "AuditDisabled", Level = LogLevel.Warning,
            Message = "Audit:Enabled is false: no access is recorded and no data access can be audited; only denials reach the log")]
        private static partial void Disabled(ILogger logger);
    }
}
