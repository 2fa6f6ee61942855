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
        var developmentSecret = builder.Environment.IsDevelopment() && builder.Configuration["GatewaySignature:Secret"] is not { Length: > 0 };
        if (developmentSecret)
        {
            builder.Services.PostConfigure<GatewaySignatureOptions>(options => options.Secret ??= DevelopmentSecret);
        }

        builder.AddLegalPersonStore();

        var app = builder.Build();
        if (developmentSecret)
        {
            LogDevelopmentSecret(app.Logger);
        }

        app.MapSubgraphHealth();
        app.MapLegalPersonsApi();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No GatewaySignature:Secret is configured: using the development secret. Configure the gateway's secret outside development.")]
    private static partial void LogDevelopmentSecret(ILogger logger);
}
