using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Catalogue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Audit.Reading;

/// <summary>The reading API's registration, made by the audit trail's (<c>AuditServices.AddAuditTrail</c>) once it knows where the trail is kept.</summary>
internal static class AuditReadingServices
{
    /// <summary>
    /// Registers <see cref="AuditReading"/> over the reader <paramref name="reader"/> makes, with the
    /// registered <see cref="IAuditTrail"/> (reads are recorded there) and <see cref="SubjectHash"/>,
    /// and <c>Audit:UnusualVolumeFactor</c> (a positive number; 10 when not set).
    /// </summary>
    public static IServiceCollection AddAuditReading(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IAuditReader> reader)
    {
        var options = new AuditReadingOptions();
        if (configuration["Audit:UnusualVolumeFactor"] is { Length: > 0 } factor)
        {
            options.UnusualVolumeFactor = double.TryParse(factor, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
                ? value
                : throw new Hosting.GatewayConfigurationException($"Audit:UnusualVolumeFactor must be a positive number, not '{factor}'.");
        }

        services.AddSingleton(options);
        services.AddSingleton(reader);
        services.AddSingleton(provider => new AuditReading(
            provider.GetRequiredService<IAuditReader>(),
            provider.GetRequiredService<IAuditTrail>(),
            provider.GetRequiredService<SubjectHash>(),
            AuditCursors.WithRandomKey(),
            provider.GetRequiredService<CurrentCatalogue>(),
            options,
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
