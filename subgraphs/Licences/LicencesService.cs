using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Licences.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Licences;

/// <summary>
/// The licence library subgraph as a web application: what <c>Program.cs</c> runs, and what the
/// platform's one-command run starts in process.
/// </summary>
public static class LicencesService
{
    public const string DefaultUrl = "http://127.0.0.1:4104";

    /// <summary>A name no one would configure by accident, so a development secret is never mistaken for a real one.</summary>
    public const string DevelopmentSecret = "development-only-licences-gateway-secret-not-for-production";

    /// <param name="configure">Runs after the defaults and before the services are added (tests set configuration here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);

        // Urls (ASPNETCORE_URLS lands in the same key), from anywhere including configure, wins over the subgraph's port.
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        if (builder.Configuration["Logging:LogLevel:Npgsql"] is null)
        {
            // Npgsql logs every statement at Information; the service's log keeps to its own events.
            builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        }

        builder.AddSubgraphDefaults();
        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.Services.AddLicenceLibrary(builder.Configuration);

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapLicencesApi();
        return app;
    }
}
