using Federation.Subgraphs.Hosting;

namespace Federation.Subgraphs.LegalPersons;

/// <summary>
/// The legal-person register's subgraph (Market Supervision Bureau) as a web application, for its
/// own <c>Program.cs</c> and for the platform's one-command run, which starts it in process.
/// </summary>
public static class LegalPersonsService
{
    public const string DefaultUrl = "http://127.0.0.1:4102";

    /// <summary>Only for development without a configured secret; never accepted outside Development.</summary>
    public const string DevelopmentSecret = "legal-persons-development-secret-not-for-production";

    /// <summary>Builds the service from <paramref name="args"/> and configuration (the keys: <c>subgraphs/README.md</c>).</summary>
    /// <param name="configure">Runs after the defaults and before the subgraph's services are added: it can set configuration and register services of its own, which the subgraph's registrations keep.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddSubgraphDefaults();
        configure?.Invoke(builder);
        builder.UseDefaultUrl(DefaultUrl);
        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.AddLegalPersonsSubgraph();

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapLegalPersonsApi();
        return app;
    }
}
