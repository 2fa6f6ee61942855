using System.Net.Http.Headers;
using System.Text;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Hosting.Tests.Signing;

/// <summary>A clock tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A subgraph served by Kestrel on 127.0.0.1, built the way an agency's Program.cs builds it.</summary>
internal sealed class SubgraphServer : IAsyncDisposable
{
    public const string Secret = "test-secret-that-is-long-enough-for-hmac-sha256";

    private const string Sdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query {
          whoami: String
          division: String
          numbers(startingWith: String, first: Int = 20, after: String): NumberConnection!
          echo(text: String, texts: [String!]): String
          failing: String
        }
        type NumberConnection { edges: [NumberEdge!]! pageInfo: PageInfo! totalCount: Int! }
        type NumberEdge { cursor: String! node: String! }
        type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
        type Holder @key(fields: "id") { id: ID! seenBy: String }
        """;

    /// <summary>What <c>failing</c> throws: words a caller must never read (an Npgsql message names tables and hosts).</summary>
    public const string InternalDetail = "relation \"secret_table\" does not exist at db-7.internal:5432";

    /// <summary>The rows of <c>numbers</c>: "n00" … "n24".</summary>
    public static readonly string[] Numbers = [.. Enumerable.Range(0, 25).Select(i => $"n{i:00}")];

    private readonly WebApplication app;
    private List<string> sink = [];

    /// <summary>Log lines, "Category: message", at Warning and above.</summary>
    public IReadOnlyList<string> LogLines
    {
        get
        {
            lock (sink)
            {
                return [.. sink];
            }
        }
    }

    private SubgraphServer(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static async Task<SubgraphServer> StartAsync(Action<GatewaySignatureOptions>? configure = null, Func<HealthCheckResult>? readiness = null)
    {
        var log = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSubgraphDefaults(options =>
        {
            options.Secret = Secret;
            options.Clock = new ManualClock(Now);
            configure?.Invoke(options);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(new ListLoggerProvider(log));
        if (readiness is not null)
        {
            builder.Services.AddHealthChecks().AddCheck("store", readiness, tags: [SubgraphHosting.ReadinessTag]);
        }

        var subgraph = Subgraph.FromSdl(Sdl).Bind("Query.whoami", context =>
            new(context.Caller() is { } caller ? $"{caller.Agency}/{caller.Purpose}/{caller.Matter ?? "-"}" : null))
            .Bind("Query.division", context => new(context.Caller()?.Division ?? "-"))
            .Bind("Query.numbers", context =>
            {
                var request = PageRequest.For(context);
                var prefix = context.Arguments.GetValueOrDefault("startingWith") as string ?? "";
                var matching = Numbers.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                var rows = matching.Where(n => request.After is not [var after] || string.CompareOrdinal(n, after) > 0).Take(request.First + 1).ToList();
                return new(Connection.From(Page<string>.FromRows(rows, request, matching.Count), request, n => [n]));
            })
            .Bind("Query.echo", context => new(context.Arguments.GetValueOrDefault("text")))
            .Bind("Query.failing", _ => throw new InvalidOperationException(InternalDetail))
            .Entity("Holder", (representations, context) => new(representations
                .Select(r => (object?)new Dictionary<string, object?> { ["id"] = r.GetString("id"), ["seenBy"] = context.Caller?.Agency })
                .ToList()));

        var app = builder.Build();
        app.MapSubgraphHealth();
        app.MapSubgraph("/graphql", subgraph);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var server = new SubgraphServer(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
        server.sink = log;
        return server;
    }

    public static HttpRequestMessage WhoAmI(string path = "/graphql") => new(HttpMethod.Post, path)
    {
        Content = new StringContent("""{"query":"{ whoami }"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    /// <summary>A POST of <paramref name="query"/> with <paramref name="variables"/> (JSON text), to be signed by the test.</summary>
    public static HttpRequestMessage Query(string query, string variables = "{}") => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(
            $$"""{"query":{{System.Text.Json.JsonSerializer.Serialize(query)}},"variables":{{variables}}}""",
            Encoding.UTF8,
            new MediaTypeHeaderValue("application/json")),
    };

    public async Task<(int Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add(category + ": " + formatter(state, exception));
            }
        }
    }
}
