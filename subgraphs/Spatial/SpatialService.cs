using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Spatial.Schema;
using Federation.Subgraphs.Spatial.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Federation.Subgraphs.Spatial;

/// <summary>
/// The spatial subgraph (Natural Resources &amp; Planning Bureau: divisions, standard addresses, land
/// parcels) as a web application, for <c>Program.cs</c> and for hosts that run it in process.
/// </summary>
public static class SpatialService
{
    public const string DefaultUrl = "http://127.0.0.1:4103";

    /// <param name="configure">Runs first, so it can set configuration and replace services (registrations here only fill gaps).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddSubgraphDefaults();
        builder.AddDevelopmentGatewaySecret(SpatialRegisterSetup.DevelopmentSecret);
        builder.AddSpatialRegister();
        builder.Services.AddHealthChecks().AddCheck<RegisterReadiness>("store", tags: [SubgraphHosting.ReadinessTag]);

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapSubgraph("/graphql", SpatialSchema.Build(app.Services.GetRequiredService<ISpatialStore>()));
        return app;
    }
}
