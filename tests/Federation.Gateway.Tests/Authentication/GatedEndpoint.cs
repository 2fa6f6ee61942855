using Federation.Gateway.Admission;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.GraphQL.AspNetCore;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>
/// The gateway's endpoint behind its token gate, as <c>MapGateway</c> wires it — token validation,
/// the gate, the context made from the admitted caller — on Kestrel at 127.0.0.1 with a free port,
/// over the executor a test gives; <c>/health/live</c> beside it, outside the gate. Callers are
/// admitted by the agencies registry of the committed catalogue unless the test gives another.
/// </summary>
internal static class GatedEndpoint
{
    /// <summary>schema/catalogue.yaml, whose agencies registry admits the tests' callers by default.</summary>
    public static ShareCatalogue CommittedCatalogue => Committed.Value;

    private static readonly Lazy<ShareCatalogue> Committed = new(() => CatalogueFiles.FromFile(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)));

    /// <param name="configure">The authentication configuration (<see cref="TestTokens.Configure"/>, say).</param>
    /// <param name="catalogue">The catalogue whose agencies registry admits callers; the committed one when null.</param>
    /// <param name="map">Endpoints to map beside the graph (the audit evaluation's downloads, say).</param>
    public static async Task<(WebApplication App, HttpClient Http)> StartAsync(
        Action<ConfigurationManager> configure,
        Func<Schema> schema,
        IOperationExecutor executor,
        Action<IServiceCollection>? services = null,
        CurrentCatalogue? catalogue = null,
        Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder.Configuration);
        builder.Services.AddSingleton(catalogue ?? new CurrentCatalogue(CommittedCatalogue));
        builder.Services.AddGatewayAuthentication(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGraphQL("/graphql", schema, options =>
        {
            options.Executor = executor;
            options.CreateContext = http => RequestContexts.For(http, exposePlan: false);
        }).RequireCaller();
        app.MapGet("/health/live", () => "live");
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }
}
