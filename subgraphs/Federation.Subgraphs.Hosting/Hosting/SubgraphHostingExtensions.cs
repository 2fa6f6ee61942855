using Federation.GraphQL.AspNetCore;
using Federation.Protocol.Signing;
using Federation.ServiceDefaults.Health;
using Federation.ServiceDefaults.Logging;
using Federation.ServiceDefaults.Telemetry;
using Federation.Subgraphs.Hosting.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Federation.Subgraphs.Hosting;

/// <summary>
/// What every agency subgraph's <c>XxxService.Build</c> calls (the template: <c>subgraphs/README.md</c>):
/// <code>
/// var builder = WebApplication.CreateSlimBuilder(args);
/// builder.AddSubgraphDefaults();
/// configure?.Invoke(builder);
/// builder.UseDefaultUrl(DefaultUrl);
/// builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
/// builder.AddXxxSubgraph();          // AddSubgraphStore&lt;IXxxStore, XxxStartup&gt;(…) and the agency's own services
/// var app = builder.Build();
/// app.MapSubgraphHealth();
/// app.MapXxxApi();                   // MapSubgraph("/graphql", XxxSchema.Build(…))
/// </code>
/// </summary>
public static class SubgraphHosting
{
    /// <summary>Tag of the health checks <c>/health/ready</c> runs; <c>/health/live</c> runs none.</summary>
    public const string ReadinessTag = ServiceHealth.ReadinessTag;

    /// <summary>
    /// JSON console logs (UTC timestamps, scopes), OpenTelemetry (the <c>Telemetry</c> section; the
    /// subgraph's server spans continue the trace of the gateway's signed <c>traceparent</c>, and take no other
    /// trace header from the wire), health checks
    /// with the drain at a stop (<c>Shutdown</c>), and the gateway signature options bound from the
    /// <c>GatewaySignature</c> section, then <paramref name="configure"/>.
    /// </summary>
    public static TBuilder AddSubgraphDefaults<TBuilder>(this TBuilder builder, Action<GatewaySignatureOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddServiceLogging();

        builder.AddServiceTelemetry(builder.Environment.ApplicationName, ["Federation.Subgraphs*"], ["Federation.Subgraphs*"]);
        // The signed traceparent only: tracestate and baggage are not signed, so not taken from the wire.
        builder.Services.ContinueSignedTraces();
        builder.AddServiceHealth();
        var signature = builder.Services.AddOptions<GatewaySignatureOptions>().BindConfiguration(GatewaySignatureOptions.Section);
        if (configure is not null)
        {
            signature.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Listens on <paramref name="url"/>, the subgraph's own port, unless <c>Urls</c> is configured
    /// (<c>ASPNETCORE_URLS</c> and <c>UseUrls</c> land in the same key). Call after the host's
    /// configuration, so an embedding host's choice wins.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every check tagged <see cref="ReadinessTag"/>
    /// passes, and the subgraph is not stopping), and the Prometheus scrape endpoint when the <c>Telemetry</c>
    /// section serves one. Unsigned: probes come from the platform, not the gateway; so they answer the status
    /// alone, never which check failed or why.
    /// </summary>
    public static IEndpointRouteBuilder MapSubgraphHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapServiceHealth();
        endpoints.MapServiceMetrics();
        return endpoints;
    }

    /// <summary>
    /// Serves <paramref name="subgraph"/> at <paramref name="pattern"/> behind the gateway signature
    /// check; resolvers get a <see cref="SubgraphRequestContext"/> as their context. GraphiQL is off.
    /// </summary>
    /// <exception cref="InvalidOperationException">An entity lacks its resolver, or signatures are required and no secret is configured.</exception>
    public static IEndpointConventionBuilder MapSubgraph(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Subgraph subgraph,
        Action<GraphQLEndpointOptions>? configure = null)
    {
        subgraph.EnsureComplete();
        var signatureOptions = endpoints.ServiceProvider.GetService<IOptions<GatewaySignatureOptions>>()?.Value ?? new GatewaySignatureOptions();
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("Federation.Subgraphs.GatewaySignature")
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var check = new GatewaySignatureCheck(signatureOptions, logger);

        // The gateway and the subgraphs share the secret, so a cursor stays valid whichever replica
        // of the subgraph serves the next page; without one (development only) cursors last as long as the process.
        var cursors = string.IsNullOrEmpty(signatureOptions.Secret) ? CursorSeal.Ephemeral() : CursorSeal.FromSecret(signatureOptions.Secret);

        var endpoint = endpoints.MapGraphQL(pattern, subgraph.Schema, options =>
        {
            options.EnableGraphiQL = false;
            options.CreateContext = context => new SubgraphRequestContext(context, context.GetGatewayCaller(), cursors);
            configure?.Invoke(options);
        });
        endpoint.Add(builder => builder.RequestDelegate = check.Wrap(builder.RequestDelegate!));
        return endpoint;
    }
}
