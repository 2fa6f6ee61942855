using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Audit.Storage;
using Federation.Gateway.Audit.Verification;
using Federation.Gateway.Catalogue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Federation.Gateway.Auditing;

/// <summary>The reading API's registration, made by the audit trail's (<see cref="AuditServices.AddAuditTrail"/>).</summary>
internal static class AuditReadingServices
{
    private const string DatabaseKey = "audit-reading";

    /// <summary>
    /// Registers <see cref="AuditReading"/> over the store <paramref name="options"/> names: the records of
    /// the spool directory (<c>Audit:Store=Spool</c>, the one-command run), or PostgreSQL
    /// (<c>ConnectionStrings:Audit</c>, schema <c>Audit:Schema</c>); the chain check over the same; reads
    /// recorded through the registered <see cref="IAuditTrail"/>.
    /// </summary>
    /// <exception cref="AuditConfigurationException">The Postgres store without <c>ConnectionStrings:Audit</c>.</exception>
    public static IServiceCollection AddAuditReading(this IServiceCollection services, IConfiguration configuration, AuditOptions options)
    {
        var reading = new AuditReadingOptions { UnusualVolumeFactor = options.UnusualVolumeFactor };
        if (options.Store == AuditStore.Postgres)
        {
            var connection = configuration.GetConnectionString("Audit");
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new AuditConfigurationException("Audit:Store is Postgres but ConnectionStrings:Audit is not set: the audit trail cannot be read.");
            }

            services.AddKeyedSingleton(DatabaseKey, (_, _) => NpgsqlDataSource.Create(connection));
            services.AddSingleton<IAuditReader>(provider => new PostgresAuditReader(
                provider.GetRequiredKeyedService<NpgsqlDataSource>(DatabaseKey), options.Schema, body => AuditCanonicalForm.Read(body.Span).Entry));
            services.AddSingleton<IAuditChainCheck>(provider => new DatabaseChainCheck(
                new PostgresChainVerification(provider.GetRequiredKeyedService<NpgsqlDataSource>(DatabaseKey), options.Schema),
                provider.GetRequiredService<AuditKeys>().PublicKeys,
                provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var root = options.SpoolRoot;
            services.AddSingleton<IAuditReader>(new EnumeratedAuditReader(() => AuditSpoolReader.ReadAll(root).Records));
            services.AddSingleton<IAuditChainCheck>(provider => new EnumeratedChainCheck(
                () => AuditSpoolReader.ReadAll(root) is var all ? (all.Records, all.Checkpoints) : default,
                new ChainVerifier(provider.GetRequiredService<AuditKeys>().PublicKeys, provider.GetRequiredService<TimeProvider>())));
        }

        services.AddSingleton(provider => new AuditReading(
            provider.GetRequiredService<IAuditReader>(),
            provider.GetRequiredService<IAuditTrail>(),
            provider.GetRequiredService<AuditKeys>().Subjects,
            AuditCursors.WithRandomKey(),
            provider.GetRequiredService<CurrentCatalogue>(),
            reading,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IAuditChainCheck>()));
        return services;
    }
}
