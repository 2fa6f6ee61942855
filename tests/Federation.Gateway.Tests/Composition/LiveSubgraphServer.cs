using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Composition;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// A subgraph served by Kestrel on 127.0.0.1 (port chosen by the system) behind the gateway
/// signature, built as an agency's Program.cs builds one: <see cref="Subgraph.FromSdl"/> and
/// <c>MapSubgraph</c>; its entities resolve to null (these tests only ask for the SDL).
/// </summary>
internal sealed class LiveSubgraphServer : IAsyncDisposable
{
    public const string Secret = "composition-tests-secret-long-enough-for-hmac";

    private readonly WebApplication app;

    private LiveSubgraphServer(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
        Url = app.Urls.First() + "/graphql";
    }

    public string Name { get; }

    public string Url { get; }

    public static async Task<LiveSubgraphServer> StartAsync(string name, [StringSyntax("graphql")] string sdl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSubgraphDefaults(options => options.Secret = Secret);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var subgraph = Subgraph.FromSdl(sdl);
        foreach (var entity in subgraph.EntityTypes.ToList())
        {
            subgraph.Entity(entity, (representations, _) => new(representations.Select(_ => (object?)null).ToList()));
        }

        var app = builder.Build();
        app.MapSubgraph("/graphql", subgraph);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new LiveSubgraphServer(name, app);
    }

    public SubgraphSdl Describe([StringSyntax("graphql")] string sdl) => new(Name, Url, sdl);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>The gateway side of the tests: a supergraph source and the signed fetcher, reload and check over it, with their log lines.</summary>
internal sealed class GatewayComposition
{
    public GatewayComposition(IEnumerable<SubgraphSdl> subgraphs, string secret = LiveSubgraphServer.Secret)
    {
        var composition = SupergraphComposer.Compose(subgraphs);
        Assert.True(composition.Succeeded, string.Join("\n", composition.Errors));
        Source = new SupergraphSource(Supergraph.Parse(composition.SupergraphSdl!));
        Fetcher = new SubgraphSdlFetcher(
            new HttpClient(new GatewaySigningHandler(new GatewaySignature(secret)) { InnerHandler = new SocketsHttpHandler() }),
            new GatewayCaller("platform", "supergraph-check"));
        Reload = new SupergraphReload(Source, Fetcher, new ListLogger<SupergraphReload>(Log));
        Check = new SubgraphDriftCheck(Source, Fetcher, new ListLogger<SubgraphDriftCheck>(Log));
    }

    public List<string> Log { get; } = [];

    public SupergraphSource Source { get; }

    public SubgraphSdlFetcher Fetcher { get; }

    public SupergraphReload Reload { get; }

    public SubgraphDriftCheck Check { get; }
}

/// <summary>Log lines as "Level EventName: message".</summary>
internal sealed class ListLogger<T>(List<string> lines) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (lines)
        {
            lines.Add($"{logLevel} {eventId.Name}: {formatter(state, exception)}");
        }
    }
}
