using Federation.Gateway.Authentication;
using Federation.Gateway.Execution;
using Federation.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
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
        return await GatewayService.RunAsync(
            args,
            builder =>
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

                developmentKey = SignIn(builder);
            },
            address => Banner.PrintAsync(Console.Out, Banner.Text(address, embedded, options, developmentKey)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The one-command run's sign-in: unless an authority, signing keys or Entra ID are configured, the
    /// gateway trusts the development key, and GraphiQL opens signed in as the banner's example caller
    /// (<see cref="DevelopmentGraphiQLHeaders"/>) so that its first query is answered. Returns the key, or
    /// null when the configuration says where tokens come from (then GraphiQL offers no token).
    /// </summary>
    internal static DevelopmentSigningKey? SignIn(WebApplicationBuilder builder)
    {
        var key = DevelopmentSigningKey.TrustUnlessConfigured(builder.Configuration);
        if (key is not null)
        {
            builder.Services.AddSingleton(new DevelopmentGraphiQLHeaders(key, Banner.ExampleUser, DemoAgencies.Platform.Code, Banner.ExamplePurpose));
        }

        return key;
    }
}
