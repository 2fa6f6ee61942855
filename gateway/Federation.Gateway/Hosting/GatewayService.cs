using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Events;
using Federation.Gateway.Audit.Subjects;
using Federation.Gateway.Auditing;
using Federation.Gateway.Caching;
using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Caching.Changes;
using Federation.Gateway.Caching.Eviction;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Record;
using Federation.Gateway.Reload;
using Federation.Gateway.Sharing;
using Federation.Gateway.Telemetry;
using Federation.Protocol.Signing;
using Federation.ServiceDefaults.Logging;
using Federation.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>The gateway service, for <c>Program.cs</c>, the one-command host, and tests and benchmarks that host it in-process.</summary>
public static class GatewayService
{
    public const string DefaultUrl = "http://127.0.0.1:4000";

    /// <summary>The caller the gateway names when it asks subgraphs for their schema.</summary>
    internal static readonly GatewayCaller SchemaCheckCaller = new("sharing-platform", "SCHEMA_CHECK");

    /// <summary>
    /// Builds the gateway from <paramref name="args"/> and configuration (<c>Gateway:*</c>,
    /// <c>Subgraphs:*</c>, <c>GatewaySignature:Secret</c>, <c>Authentication:*</c>); <paramref name="configure"/>
    /// runs before the services are read.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddServiceLogging();
        configure?.Invoke(builder);
        builder.AddServiceTelemetry("federation-gateway", [GatewayTelemetry.SourceName], [GatewayTelemetry.MeterPattern]);
        builder.AddGateway();

        var app = builder.Build();
        app.MapGatewayHealth();
        app.MapServiceMetrics();
        app.MapGateway();
        return app;
    }

    /// <summary>
    /// The command-line run: fronts the subgraphs the configuration names until it is stopped. The
    /// one-command run, which starts the agency subgraphs first, is <c>gateway/Federation.Host</c>.
    /// </summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, configure: null, started: null, cancellationToken);

    /// <summary>
    /// Builds (<see cref="Build"/>), starts and serves the gateway until it is stopped; <paramref name="started"/>
    /// runs once it serves, with the address it serves at. The one start of both programs, the gateway's and the host's.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        Action<WebApplicationBuilder>? configure,
        Func<string, Task>? started,
        CancellationToken cancellationToken)
    {
        var app = await StartAsync(args, configure, cancellationToken).ConfigureAwait(false);
        if (app is null)
        {
            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            if (started is not null)
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
                await started(address).ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// Builds and starts the gateway (<see cref="Build"/>); a start that fails a check writes the check's
    /// errors to stderr (<see cref="FailedCheck"/>) and gives null, for the caller to exit with 1.
    /// </summary>
    private static async Task<WebApplication?> StartAsync(string[] args, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        WebApplication? app = null;
        try
        {
            app = Build(args, configure);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch (Exception exception) when (FailedCheck(exception) is { } failure)
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            // A check that fails is the operator's to read, error by error, not a stack trace.
            await Console.Error.WriteLineAsync(failure).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// What to tell the operator when a start failed a check — the catalogue does not load, does not
    /// cover the supergraph, the subgraph config is invalid, a configured file is missing or holds no supergraph, a
    /// setting the gateway cannot start without is missing —: the check's errors,
    /// found through the exceptions that carry them; null for anything else, which is a fault to see
    /// whole. Every host that starts the gateway prints this instead of the exception.
    /// </summary>
    public static string? FailedCheck(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is InvalidCatalogueException or UncoveredSupergraphException or InvalidSubgraphConfigException or GatewayConfigurationException or AuditConfigurationException or CacheConfigurationException or FileNotFoundException or FormatException)
            {
                return "The gateway did not start: " + inner.Message;
            }
        }

        return null;
    }

    /// <summary>
    /// The gateway's services: options, token validation, the share catalogue, the supergraph it covers
    /// and its checks, its reload (file watch, live poll, the operator's endpoint), the signed subgraph client, the endpoint. A catalogue that does not load or does
    /// not cover the supergraph stops the start (fail closed).
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        services.Configure<SubgraphOptions>(builder.Configuration.GetSection(SubgraphOptions.Section));
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var secret = builder.Configuration["GatewaySignature:Secret"];
        if (string.IsNullOrEmpty(secret))
        {
            throw new GatewayConfigurationException(
                "The gateway needs GatewaySignature:Secret, the secret it signs subgraph requests with (at least 32 bytes), " +
                "or run gateway/Federation.Host for the one-command run with embedded subgraphs.");
        }

        services.AddGatewayAuthentication(builder.Configuration);
        var signature = new GatewaySignature(secret);
        services.AddSingleton(signature);
        services.AddSingleton(new QueryPlanInspection { Enabled = options.ExposeQueryPlans });
        services.AddSubgraphHttpClient();
        var catalogue = CatalogueFiles.Load(options.CatalogueFile, builder.Environment.ContentRootPath);
        services.AddSingleton(catalogue);
        // The catalogue goes with the serving supergraph, one reference for both: the agencies registry
        // and the share workflow read the one a reload served with it from the next request on.
        services.AddSingleton(provider =>
        {
            var source = provider.GetRequiredService<SupergraphSource>();
            return CurrentCatalogue.Following(() => source.Current.Catalogue ?? catalogue);
        });
        services.AddSupergraph(
            _ => SupergraphFiles.Load(options.SupergraphFile, builder.Environment.ContentRootPath, catalogue),
            signature,
            SchemaCheckCaller,
            provider => provider.GetRequiredService<IOptions<SubgraphOptions>>().Value.UrlOf);
        services.AddReload(
            builder.Configuration,
            CatalogueFiles.Locate(options.CatalogueFile, builder.Environment.ContentRootPath),
            SupergraphFiles.Locate(options.SupergraphFile, builder.Environment.ContentRootPath),
            builder.Environment.ContentRootPath);
        services.AddSharing(builder.Configuration);
        services.AddChangeEventListener(builder.Configuration);
        // The competent department's eviction; the cache, when there is one, is the one it evicts from.
        services.AddSingleton(provider => new CacheEviction(
            provider.GetService<IEntityCacheInvalidation>(),
            provider.GetRequiredService<PlatformEvents>(),
            provider.GetService<SubjectHash>(),
            provider.GetService<TimeProvider>()));
        services.AddShareAuthorization(builder.Configuration);
        services.AddAuditTrail(builder.Configuration);
        // The unconditional base data, served from the entity cache (Cache section; Cache:Enabled=false turns it off).
        services.AddEntityCache(builder.Configuration);
        if (AuditServices.Read(builder.Configuration) is { Enabled: true } audit)
        {
            // The auditor's reading of the trail (the platform's graph, the evaluation downloads), over the same store.
            services.AddAuditReading(builder.Configuration, audit);
        }

        // The record stage writes denials here; the audit trail registers its own.
        services.TryAddSingleton<IAccessDecisionLog, LoggedAccessDecisions>();
        // Share and reload events go to the audit trail when one is registered (AuditServices.AddAuditTrail), else nowhere.
        services.TryAddSingleton(provider => new PlatformEvents(
            provider.GetService<IAuditTrail>(),
            provider.GetRequiredService<ILogger<PlatformEvents>>(),
            provider.GetService<TimeProvider>()));
        services.AddSingleton<ServedExecutor>();
        // A reload must pass the start's checks: the set makes an executor.
        services.AddSingleton<IServedSupergraphCheck>(provider => new ServedExecutorCheck(provider.GetRequiredService<ServedExecutor>));
        builder.AddGatewayHealth();
        // A client outside the platform does not choose the trace its request joins.
        services.StartTracesAtTheEdge();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<GatewayGauges>();
        return builder;
    }
}
