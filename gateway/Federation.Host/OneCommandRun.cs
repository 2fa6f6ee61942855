using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Host;

/// <summary>How big the demo world of the embedded subgraphs is; bound from the <c>Embedded</c> configuration section.</summary>
internal sealed class EmbeddedOptions
{
    public const string Section = "Embedded";

    public int Persons { get; set; } = 10_000;
}

/// <summary>
/// The one-command run: starts the four agency subgraphs in this process — unless
/// <c>Subgraphs:Endpoints</c> names where they run —, then the gateway over them, which trusts tokens
/// signed with the development key unless an authority or keys are configured, and prints the banner.
/// </summary>
internal static class OneCommandRun
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
        var named = configuration.GetSection($"{SubgraphOptions.Section}:Endpoints").GetChildren().Any();
        await using var embedded = named
            ? null
            : await EmbeddedSubgraphs.StartAsync(options.Persons, LogLevel.Warning, cancellationToken).ConfigureAwait(false);

        DevelopmentSigningKey? developmentKey = null;
        var app = GatewayService.Build(args, builder =>
        {
            if (embedded is null)
            {
                return;
            }

            builder.Configuration["GatewaySignature:Secret"] = embedded.Secret;
            foreach (var (name, url) in embedded.Urls)
            {
                builder.Configuration[$"{SubgraphOptions.Section}:Endpoints:{name}:Url"] = url;
            }

            developmentKey = DevelopmentSigningKey.TrustUnlessConfigured(builder.Configuration);
        });
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            await Banner.PrintAsync(Console.Out, Banner.Text(address, embedded, options, developmentKey)).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
