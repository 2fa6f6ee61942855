using Federation.Subgraphs.Hosting;

namespace Federation.Subgraphs.Spatial;

/// <summary>
/// The spatial subgraph (Natural Resources &amp; Planning Bureau: divisions, standard addresses, land
/// parcels) as a web application, for <c>Program.cs</c> and for hosts that run it in process.
/// </summary>
public static class SpatialService
{
    public const string DefaultUrl = "http://127.0.0.1:4103";

    /// <summary>Used only in Development when no secret is configured; a warning says so at start-up.</summary>
    public const string DevelopmentSecret = "development-only-spatial-gateway-secret-do-not-deploy";

    /// <summary>Builds the service from <paramref name="args"/> and configuration (the keys: <c>subgraphs/README.md</c>).</summary>
    /// <param name="configure">Runs after the defaults and before the subgraph's services are added: it can set configuration and register services of its own, which the subgraph's registrations keep.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddSubgraphDefaults();
        configure?.Invoke(builder);
        builder.UseDefaultUrl(DefaultUrl);
        builder.AddDevelopmentGatewaySecret(DevelopmentSecret);
        builder.AddSpatialSubgraph();

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapSpatialApi();
        return app;
    }
}
