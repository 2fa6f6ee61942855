using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.LegalPersons.Store;

namespace Federation.Subgraphs.LegalPersons;

/// <summary>
/// The legal-person register's subgraph (Market Supervision Bureau) as a web application, for its
/// own <c>Program.cs</c> and for the platform's one-command run, which starts it in process.
/// </summary>
public static partial class LegalPersonsService
{
    public const int DefaultPort = 4102;

    /// <summary>Only for development without a configured secret; never accepted outside Development.</summary>
    public const string DevelopmentSecret = "legal-persons-development-secret-not-for-production";

    /// <param name="configure">Runs after the defaults and before the services are read: tests and the one-command run adjust configuration here.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (builder.Configuration["Urls"] is not { Length: > 0 } && builder.Configuration["ASPNETCORE_URLS"] is not { Length: > 0 })
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{DefaultPort}");
        }

        builder.AddSubgraphDefaults();
        configure?.Invoke(builder);
        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.AddLegalPersonStore();

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapLegalPersonsApi();
        return app;
    }
}
