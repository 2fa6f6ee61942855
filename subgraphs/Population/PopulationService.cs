using Federation.Subgraphs.Hosting;

namespace Federation.Subgraphs.Population;

/// <summary>
/// The population subgraph service (Public Security Bureau's population register), for
/// <c>Program.cs</c> and for hosts that start it in-process (the one-command platform run).
/// </summary>
public static class PopulationService
{
    public const string DefaultUrl = "http://127.0.0.1:4101";

    /// <summary>The development secret used when none is configured in Development; never valid elsewhere.</summary>
    public const string DevelopmentSecret = "population-development-secret-not-for-production-use";

    /// <summary>Builds the service from <paramref name="args"/> and configuration (the keys: <c>subgraphs/README.md</c>).</summary>
    /// <param name="configure">Runs after the defaults and before the subgraph's services are added: it can set configuration and register services of its own, which the subgraph's registrations keep.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddSubgraphDefaults();
        configure?.Invoke(builder);
        builder.UseDefaultUrl(DefaultUrl);
        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.AddPopulationSubgraph();

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapPopulationApi();
        return app;
    }
}
