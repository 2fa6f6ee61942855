using System.Globalization;
using System.Security.Cryptography;
using Federation.Subgraphs.LegalPersons;
using Federation.Subgraphs.Licences;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Spatial;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Host;

/// <summary>
/// The four agency subgraphs run inside the gateway's process for the one-command run: each on a
/// free loopback port, with its in-memory store seeded from the same demo world, all trusting one
/// signing secret made for this run only.
/// </summary>
internal sealed class EmbeddedSubgraphs : IAsyncDisposable
{
    private readonly List<WebApplication> apps;

    private EmbeddedSubgraphs(List<WebApplication> apps, IReadOnlyList<(string Name, string Url)> urls, string secret)
    {
        this.apps = apps;
        Urls = urls;
        Secret = secret;
    }

    /// <summary>Subgraph name (as in the supergraph) and the URL of its GraphQL endpoint.</summary>
    public IReadOnlyList<(string Name, string Url)> Urls { get; }

    /// <summary>The signing secret the subgraphs were given.</summary>
    public string Secret { get; }

    public static async Task<EmbeddedSubgraphs> StartAsync(int persons, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        (string Name, Func<string[], Action<WebApplicationBuilder>, WebApplication> Build)[] services =
        [
            ("population", (args, configure) => PopulationService.Build(args, configure)),
            ("legal-persons", (args, configure) => LegalPersonsService.Build(args, configure)),
            ("spatial", (args, configure) => SpatialService.Build(args, configure)),
            ("licences", (args, configure) => LicencesService.Build(args, configure)),
        ];

        var apps = new List<WebApplication>();
        var urls = new List<(string, string)>();
        try
        {
            foreach (var (name, build) in services)
            {
                // One process, one telemetry: the gateway's OpenTelemetry sees the embedded subgraphs' spans and meters too.
                var app = build(["--Telemetry:Enabled=false"], builder =>
                {
                    builder.WebHost.UseUrls("http://127.0.0.1:0");
                    builder.Configuration["Store"] = "InMemory";
                    builder.Configuration["Seed:Persons"] = persons.ToString(CultureInfo.InvariantCulture);
                    builder.Configuration["GatewaySignature:Secret"] = secret;
                    builder.Logging.SetMinimumLevel(logLevel);
                });
                apps.Add(app);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                urls.Add((name, address.TrimEnd('/') + "/graphql"));
            }
        }
        catch
        {
            await new EmbeddedSubgraphs(apps, urls, secret).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new EmbeddedSubgraphs(apps, urls, secret);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
