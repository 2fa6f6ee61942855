using Federation.Subgraphs.Hosting;

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

    /// <summary>Builds the service from <paramref name="args"/> and configuration (the keys: <c>subgraphs/README.md</c>; the seals: <c>subgraphs/Licences/README.md</c>).</summary>
    /// <param name="configure">Runs after the defaults and before the subgraph's services are added: it can set configuration and register services of its own, which the subgraph's registrations keep.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddSubgraphDefaults();
        configure?.Invoke(builder);
        builder.UseDefaultUrl(DefaultUrl);
        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.AddLicencesSubgraph();

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapLicencesApi();
        return app;
    }
}
