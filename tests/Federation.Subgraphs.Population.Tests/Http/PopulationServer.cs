using System.Net.Http.Headers;
using System.Text;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Population.Tests.Http;

/// <summary>
/// The population service as <c>Program.cs</c> builds it, on Kestrel at 127.0.0.1 with a port of its
/// own, seeded with the 300-person test register; PostgreSQL in a database of its own when asked.
/// Counts the SQL statements Npgsql executes, from its command log.
/// </summary>
internal sealed class PopulationServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TestDatabase? database;
    private readonly SqlLog sql;

    private PopulationServer(WebApplication app, TestDatabase? database, SqlLog sql)
    {
        this.app = app;
        this.database = database;
        this.sql = sql;
        BaseAddress = new Uri(app.Urls.First());
        Client = SignedGraphQLClient.Create(Http);
    }

    public Uri BaseAddress { get; }

    public SignedGraphQLClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>How many SQL commands (a batch counts once) on the register's tables ran since the server started.</summary>
    public int SqlCommands => sql.Count;

    public IReadOnlyList<string> SqlTexts => sql.Texts;

    /// <param name="existing">A database the caller owns and keeps (to start twice on it); otherwise the server creates and drops its own.</param>
    public static async Task<PopulationServer> StartAsync(bool postgres, Dictionary<string, string?>? settings = null, TestDatabase? existing = null)
    {
        var database = existing ?? (postgres ? await TestDatabase.CreateAsync("population_http") : null);
        var sql = new SqlLog();
        var configuration = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Store"] = postgres ? "Postgres" : "InMemory",
            ["ConnectionStrings:Postgres"] = postgres ? database!.ConnectionString : null,
            ["Seed:Persons"] = TestRegister.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var app = PopulationService.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.AddProvider(sql);
            builder.Logging.AddFilter<SqlLog>("Npgsql.Command", LogLevel.Trace);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new PopulationServer(app, existing is null ? database : null, sql);
    }

    /// <summary>An HTTP client on the server through the given handlers (the gateway's signing handler).</summary>
    public HttpClient Http(params DelegatingHandler[] handlers)
    {
        HttpMessageHandler chain = new HttpClientHandler();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = chain;
            chain = handlers[i];
        }

        return new HttpClient(chain) { BaseAddress = BaseAddress };
    }

    public InProcessChangeFeed ChangeFeed => Services.GetRequiredService<InProcessChangeFeed>();

    public static HttpRequestMessage GraphQLRequest(string query) => new(HttpMethod.Post, "/graphql")
    {
        Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query }), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Npgsql's command log: one entry per command or batch executed.</summary>
    private sealed class SqlLog : ILoggerProvider
    {
        private readonly List<string> texts = [];

        public int Count
        {
            get
            {
                lock (texts)
                {
                    return texts.Count;
                }
            }
        }

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (texts)
                {
                    return [.. texts];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => categoryName == "Npgsql.Command" ? new Logger(texts) : NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> texts) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                // The register's own statements; the outbox relay's polling runs beside them.
                if (message.Contains("execution completed", StringComparison.OrdinalIgnoreCase)
                    && (message.Contains("\".persons", StringComparison.Ordinal) || message.Contains("\".households", StringComparison.Ordinal)))
                {
                    lock (texts)
                    {
                        texts.Add(message);
                    }
                }
            }
        }

        private sealed class NullLogger : ILogger
        {
            public static readonly NullLogger Instance = new();

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => false;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
