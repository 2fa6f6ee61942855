using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Federation.Gateway.Tests.Hosting;

/// <summary>
/// A load balancer in front of gateway processes, as a Kubernetes Service is in front of its pods: YARP
/// (Yarp.ReverseProxy), round robin over the destinations that are not known to be unready, probing each
/// one's <c>/health/ready</c> every <see cref="ProbeInterval"/> and taking it out after two refusals in a
/// row (YARP's default: one slow probe on a loaded machine does not take a ready gateway out).
/// Nothing here retries a request: a failure to reach a gateway is the client's failure, so a test sees it.
/// It counts, per gateway, the requests it forwarded.
/// </summary>
internal sealed class ReadyBalancer : IAsyncDisposable
{
    /// <summary>How often each gateway's readiness is probed: the gateways' drain delay must be well beyond it.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly WebApplication app;

    private ReadyBalancer(WebApplication app, ConcurrentDictionary<string, int> forwarded)
    {
        this.app = app;
        Forwarded = forwarded;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        GraphQL = new Uri(address.TrimEnd('/') + "/graphql");
    }

    public Uri GraphQL { get; }

    /// <summary>Gateway name → the requests forwarded to it and answered.</summary>
    public ConcurrentDictionary<string, int> Forwarded { get; }

    public int ForwardedTo(string gateway) => Forwarded.GetValueOrDefault(gateway);

    public static async Task<ReadyBalancer> StartAsync(IEnumerable<GatewayProcess> gateways, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var destinations = gateways.ToDictionary(g => g.Name, g => new DestinationConfig { Address = g.BaseAddress.ToString() }, StringComparer.Ordinal);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "gateway", ClusterId = "gateways", Match = new RouteMatch { Path = "{**path}" } }],
            [
                new ClusterConfig
                {
                    ClusterId = "gateways",
                    LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                    Destinations = destinations,
                    HealthCheck = new HealthCheckConfig
                    {
                        Active = new ActiveHealthCheckConfig
                        {
                            Enabled = true,
                            Interval = ProbeInterval,
                            Timeout = TimeSpan.FromSeconds(5),
                            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                            Path = Federation.ServiceDefaults.Health.ServiceHealth.ReadyPath,
                        },
                    },
                },
            ]);
        var app = builder.Build();
        var forwarded = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.MapReverseProxy(pipeline => pipeline.Use(async (context, next) =>
        {
            await next(context);
            if (context.GetReverseProxyFeature().ProxiedDestination is { } destination)
            {
                forwarded.AddOrUpdate(destination.DestinationId, 1, (_, count) => count + 1);
            }
        }));
        await app.StartAsync(cancellationToken);
        return new ReadyBalancer(app, forwarded);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
