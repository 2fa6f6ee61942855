using System.Collections.Concurrent;
using System.Diagnostics;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.LegalPersons.Tests.Store;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>
/// The legal-persons service as its Program.cs builds it, on Kestrel at 127.0.0.1 with a port of its
/// own, seeded from the test world; PostgreSQL in a database of its own when asked.
/// </summary>
internal sealed class LegalPersonsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TestDatabase? database;

    private LegalPersonsServer(WebApplication app, TestDatabase? database)
    {
        this.app = app;
        this.database = database;
        BaseAddress = new Uri(app.Urls.First());
        Client = SignedGraphQLClient.Create(handlers => Chain(handlers));
    }

    public Uri BaseAddress { get; }

    public SignedGraphQLClient Client { get; }

    /// <summary>The database's name when the store is PostgreSQL.</summary>
    public string? DatabaseName => database?.Name;

    public InProcessChangeFeed Changes => app.Services.GetRequiredService<InProcessChangeFeed>();

    public static async Task<LegalPersonsServer> StartAsync(bool postgres = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = postgres ? await TestDatabase.CreateAsync("legal_persons_http") : null;
        var configuration = new Dictionary<string, string?>
        {
            ["Store"] = postgres ? "Postgres" : "InMemory",
            ["ConnectionStrings:Postgres"] = database?.ConnectionString,
            ["Seed:Persons"] = SeededRegister.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = LegalPersonsService.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new LegalPersonsServer(app, database);
    }

    /// <summary>Posts a GraphQL request signed as the gateway signs it.</summary>
    public Task<GraphQLResponse> PostAsync([System.Diagnostics.CodeAnalysis.StringSyntax("graphql")] string query, object? variables = null) =>
        Client.PostAsync(query, variables, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>An HTTP client to the server without the gateway's signature.</summary>
    public HttpClient UnsignedClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        Client.Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private HttpClient Chain(DelegatingHandler[] handlers)
    {
        HttpMessageHandler inner = new SocketsHttpHandler();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return new HttpClient(inner) { BaseAddress = BaseAddress };
    }
}

/// <summary>
/// Counts the SQL round trips Npgsql makes to one database for the register, from the driver's own
/// tracing: one activity per command or batch sent.
/// </summary>
internal sealed class SqlRoundTrips : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<string> commands = new();

    public SqlRoundTrips(string database)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Connection opens are no round trips of a query, and the outbox relay polls on its own clock.
                if (activity.TagObjects.Any(t => t.Value is string value && value == database)
                    && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is string text
                    && !text.Contains("change_outbox", StringComparison.Ordinal))
                {
                    commands.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<string> Commands => [.. commands];

    public void Dispose() => listener.Dispose();
}
