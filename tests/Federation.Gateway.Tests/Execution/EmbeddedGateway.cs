using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Federation.Gateway.Tests.Authentication;
using Federation.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Gateway.Tests.Audit;

namespace Federation.Gateway.Tests.Execution;

/// <summary>
/// The gateway service over running subgraphs as a deployment would start it: the committed
/// supergraph and catalogue, the subgraphs' URLs and shared secret, tokens of <see cref="TestTokens"/>,
/// on a free loopback port.
/// </summary>
internal static class EmbeddedGateway
{
    public static async Task<(WebApplication App, Uri Url)> StartAsync(EmbeddedSubgraphs subgraphs, TestTokens tokens, Action<IConfiguration>? configure = null)
    {
        var app = GatewayService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            TestAuditTrail.Configure(builder.Configuration);
            builder.Configuration["GatewaySignature:Secret"] = subgraphs.Secret;
            builder.Configuration["Gateway:SupergraphFile"] = Path.Combine(Repository.SchemaDirectory, "supergraph.graphql");
            tokens.Configure(builder.Configuration);
            foreach (var (name, url) in subgraphs.Urls)
            {
                builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = url;
            }

            configure?.Invoke(builder.Configuration);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/graphql"));
    }
}
