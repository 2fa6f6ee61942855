using Federation.Gateway.Audit.Shipping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Gateway.Audit.Storage;

/// <summary>The PostgreSQL audit store in the gateway's services (<c>Audit:Store=Postgres</c>, <c>ConnectionStrings:Audit</c>).</summary>
internal static partial class AuditStoreServices
{
    public const string ConnectionStringName = "Audit";

    /// <summary>
    /// The sink (<see cref="IAuditSink"/>) over its own connection pool, and — with
    /// <see cref="AuditOptions.MigrateOnStart"/>, when the gateway connects as the schema's owner — the
    /// schema's migration and retention (<see cref="AuditSchemaMaintenance"/>). Call before the shipper is
    /// registered: hosted services start in order, so the schema is there when it ships.
    /// </summary>
    /// <exception cref="AuditConfigurationException">No connection string, or a schema name the writer role cannot be named after.</exception>
    public static IServiceCollection AddPostgresAuditStore(this IServiceCollection services, IConfiguration configuration, AuditOptions options)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new AuditConfigurationException($"{AuditOptions.Section}:Store is Postgres but ConnectionStrings:{ConnectionStringName} is not set.");
        }

        if (!AuditSchemaOwner.IsValidSchema(options.Schema))
        {
            throw new AuditConfigurationException(
                $"{AuditOptions.Section}:Schema \"{options.Schema}\" must be 1 to 56 of a-z, 0-9 and _ (its writer role, {options.Schema}_writer, must fit PostgreSQL's 63 bytes).");
        }

        services.AddSingleton(_ => new AuditDataSource(NpgsqlDataSource.Create(PostgresAuditSink.ConnectionString(connectionString))));
        services.AddSingleton(provider => new PostgresAuditSink(provider.GetRequiredService<AuditDataSource>().DataSource, options.Schema));
        services.AddSingleton<IAuditSink>(provider => provider.GetRequiredService<PostgresAuditSink>());
        if (options.MigrateOnStart)
        {
            services.AddHostedService(provider => new AuditSchemaMaintenance(
                provider.GetRequiredService<AuditDataSource>().DataSource,
                options,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<AuditSchemaMaintenance>>()));
        }

        return services;
    }

    /// <summary>The audit store's connection pool, closed with the gateway's services.</summary>
    internal sealed class AuditDataSource(NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public NpgsqlDataSource DataSource { get; } = dataSource;

        public ValueTask DisposeAsync() => DataSource.DisposeAsync();
    }

    /// <summary>
    /// The owner's work when the gateway connects as the owner (<c>Audit:MigrateOnStart</c>): the migration
    /// before the gateway serves, then the retention at start and once a day. A role that is refused
    /// (not the owner) stops the start with what to do; a database that cannot be reached does not — the
    /// spool keeps the records, and the migration is tried again until it succeeds.
    /// </summary>
    internal sealed partial class AuditSchemaMaintenance(NpgsqlDataSource dataSource, AuditOptions options, TimeProvider time, ILogger<AuditSchemaMaintenance> logger) : BackgroundService
    {
        private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan RetentionInterval = TimeSpan.FromDays(1);

        private bool migrated;

        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await AuditSchemaOwner.MigrateAsync(dataSource, options.Schema, logger, cancellationToken).ConfigureAwait(false);
                migrated = true;
            }
            catch (PostgresException exception)
            {
                throw new AuditConfigurationException(
                    $"The audit schema {options.Schema} could not be migrated ({exception.SqlState}: {exception.MessageText}). With {AuditOptions.Section}:MigrateOnStart=true " +
                    $"the gateway connects as the schema's owner; otherwise set it to false and have the owner run `audit migrate` and `audit retain`.");
            }
            catch (NpgsqlException exception)
            {
                Unreachable(logger, options.Schema, exception.Message);
            }

            await base.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = RetentionInterval;
                try
                {
                    if (!migrated)
                    {
                        await AuditSchemaOwner.MigrateAsync(dataSource, options.Schema, logger, stoppingToken).ConfigureAwait(false);
                        migrated = true;
                    }

                    var dropped = await AuditSchemaOwner.RetainAsync(dataSource, options.Schema, options.RetentionDays, stoppingToken).ConfigureAwait(false);
                    if (dropped.Count > 0)
                    {
                        Retained(logger, options.RetentionDays, string.Join(", ", dropped));
                    }
                }
                catch (NpgsqlException exception)
                {
                    MaintenanceFailed(logger, options.Schema, exception.Message);
                    wait = RetryDelay;
                }

                try
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        [LoggerMessage(EventId = 6230, EventName = "AuditStoreUnreachableAtStart", Level = LogLevel.Warning,
            Message = "The audit database is unreachable at start ({Reason}): the spool keeps the records; the schema {Schema} is migrated once it can be reached")]
        private static partial void Unreachable(ILogger logger, string schema, string reason);

        [LoggerMessage(EventId = 6231, EventName = "AuditPartitionsDropped", Level = LogLevel.Information,
            Message = "Audit retention of {Days} days: dropped the partitions {Partitions}")]
        private static partial void Retained(ILogger logger, int days, string partitions);

        [LoggerMessage(EventId = 6232, EventName = "AuditMaintenanceFailed", Level = LogLevel.Warning,
            Message = "The audit schema {Schema} could not be migrated or retained ({Reason}); trying again shortly")]
        private static partial void MaintenanceFailed(ILogger logger, string schema, string reason);
    }
}
