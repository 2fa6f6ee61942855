using System.Diagnostics;
using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Federation.Subgraphs.Testing;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>The licence library served by Kestrel on 127.0.0.1, built by <see cref="LicencesService.Build"/> as Program.cs builds it.</summary>
internal sealed class LicencesServer : IAsyncDisposable
{
    private LicencesServer(WebApplication app)
    {
        App = app;
        Address = new Uri(app.Urls.First());
        Client = SignedGraphQLClient.Create(handlers => new HttpClient(Chain(handlers)) { BaseAddress = Address });
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>A client that signs like the gateway, with <see cref="SignedGraphQLClient.Secret"/>.</summary>
    public SignedGraphQLClient Client { get; }

    public HttpClient Unsigned() => new() { BaseAddress = Address };

    /// <param name="settings">Configuration on top of: a signature secret, no seeding, the in-memory store.</param>
    public static async Task<LicencesServer> StartAsync(IDictionary<string, string?> settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
            ["Seed:Persons"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var app = LicencesService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new LicencesServer(app);
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static HttpMessageHandler Chain(DelegatingHandler[] handlers)
    {
        HttpMessageHandler inner = new SocketsHttpHandler();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}

/// <summary>
/// Counts the SQL statements Npgsql runs against one database (its tracing activities), to prove
/// a batch is one round trip rather than assume it.
/// </summary>
internal sealed class SqlStatements : IDisposable
{
    private readonly ActivityListener listener;
    private readonly List<string> statements = [];

    public SqlStatements(string database)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(t => Equals(t.Value, database)))
                {
                    var text = activity.TagObjects.FirstOrDefault(t => t.Key is "db.statement" or "db.query.text").Value as string ?? activity.DisplayName;
                    lock (statements)
                    {
                        statements.Add(text);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The statements seen so far that read or write the licence tables (the outbox relay's polling left out).</summary>
    public IReadOnlyList<string> OnLicences
    {
        get
        {
            lock (statements)
            {
                return [.. statements.Where(s => s.Contains(".licences", StringComparison.Ordinal))];
            }
        }
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (statements)
            {
                return [.. statements];
            }
        }
    }

    public void Dispose() => listener.Dispose();
}
