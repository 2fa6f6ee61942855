using Federation.Gateway.Authentication;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Gateway.Execution;
using Federation.Gateway.Sharing;
using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Federation.Gateway.Hosting;

/// <summary>The gateway service, for <c>Program.cs</c> and for tests and benchmarks that host it in-process.</summary>
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

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            // Every line says when (UTC, ISO 8601) and, through ASP.NET Core's request scope, which request.
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        configure?.Invoke(builder);
        builder.AddGateway();

        var app = builder.Build();
        app.MapGatewayHealth();
        app.MapGateway();
        return app;
    }

    /// <summary>
    /// The command-line run: fronts the subgraphs the configuration names until it is stopped. The
    /// one-command run, which starts the agency subgraphs first, is <c>gateway/Federation.Host</c>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = Build(args);
        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// The gateway's services: options, token validation, the share catalogue, the supergraph it covers
    /// and its checks, the signed subgraph client, the endpoint. A catalogue that does not load or does
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
            throw new InvalidOperationException(
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
        // The catalogue goes with the serving supergraph: when a reload serves one with another
        // catalogue, the agencies registry and the share workflow read that one from the next request.
        services.AddSingleton(provider =>
        {
            var current = new CurrentCatalogue(catalogue);
            provider.GetRequiredService<SupergraphSource>().Changed += (_, next) =>
            {
                if (next.Catalogue is { } served)
                {
                    current.Replace(served);
                }
            };
            return current;
        });
        services.AddSupergraph(
            _ => SupergraphFiles.Load(options.SupergraphFile, builder.Environment.ContentRootPath, catalogue),
            signature,
            SchemaCheckCaller,
            provider => provider.GetRequiredService<IOptions<SubgraphOptions>>().Value.UrlOf);
        services.AddSharing(builder.Configuration);
        services.AddShareAuthorization(builder.Configuration);
        services.AddSingleton<ServedExecutor>();
        services.AddHealthChecks().AddCheck<SupergraphHealth>("supergraph", tags: [GatewayApi.ReadinessTag]);
        return builder;
    }
}
