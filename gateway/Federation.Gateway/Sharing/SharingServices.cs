using Federation.Gateway.Audit.Events;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Sharing.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Federation.Gateway.Sharing;

/// <summary>Share applications and grants in the gateway's services: <c>Sharing:*</c>, <c>ConnectionStrings:Sharing</c>.</summary>
internal static class SharingServices
{
    public const string ConnectionStringName = "Sharing";

    /// <summary>
    /// The workflow, its calendar and store, and the store as the <see cref="IGrantBook"/>
    /// authorization reads. The catalogue is the <see cref="CurrentCatalogue"/> (by default the registered <see cref="ShareCatalogue"/>).
    /// </summary>
    public static IServiceCollection AddSharing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SharingOptions.Section).Get<SharingOptions>() ?? new SharingOptions();
        services.AddSingleton(options);
        services.AddSingleton(WorkingDayCalendar.From(options.Calendar));
        services.TryAddSingleton(TimeProvider.System);
        switch (options.Store)
        {
            case SharingStoreKind.Postgres:
                var connectionString = configuration.GetConnectionString(ConnectionStringName);
                if (string.IsNullOrEmpty(connectionString))
                {
                    throw new InvalidOperationException("Sharing:Store is Postgres but ConnectionStrings:Sharing is not set.");
                }

                services.AddSingleton(_ => PostgresShareStore.Open(connectionString, options.Schema));
                services.AddSingleton<IShareStore>(sp => sp.GetRequiredService<PostgresShareStore>());
                services.AddHostedService<SharingStoreMigration>();
                break;
            default:
                services.AddSingleton<IShareStore, InMemoryShareStore>();
                break;
        }

        services.AddSingleton<IGrantBook>(sp => sp.GetRequiredService<IShareStore>());
        services.TryAddCurrentCatalogue();
        services.AddSingleton(sp => new ShareWorkflow(
            sp.GetRequiredService<IShareStore>(),
            sp.GetRequiredService<CurrentCatalogue>(),
            sp.GetRequiredService<WorkingDayCalendar>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<PlatformEvents>()));
        return services;
    }

    /// <summary>Brings the sharing schema to its latest migration before the gateway serves.</summary>
    private sealed class SharingStoreMigration(PostgresShareStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
