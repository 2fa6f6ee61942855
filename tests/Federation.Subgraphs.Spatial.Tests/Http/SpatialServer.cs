using System.Diagnostics.CodeAnalysis;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Spatial.Store;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Federation.Subgraphs.Spatial.Tests.Http;

/// <summary>
/// The spatial service as <c>Program.cs</c> builds it, on Kestrel at 127.0.0.1 with a free port,
/// signed with the test secret. In memory it serves a store preloaded with <see cref="TestWorld"/>;
/// on PostgreSQL it migrates and seeds its own database and counts the SQL commands it runs.
/// </summary>
internal sealed class SpatialServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TestDatabase? database;

    private SpatialServer(WebApplication app, TestDatabase? database, SqlCommandLog commands)
    {
        this.app = app;
        this.database = database;
        Commands = commands;
        Http = new HttpClient(new Federation.Protocol.Signing.GatewaySigningHandler(new Federation.Protocol.Signing.GatewaySignature(SignedGraphQLClient.Secret)) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = new Uri(app.Urls.First()),
        };
        Client = new SignedGraphQLClient(Http);
        Unsigned = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public SignedGraphQLClient Client { get; }

    public HttpClient Http { get; }

    /// <summary>A client that signs nothing.</summary>
    public HttpClient Unsigned { get; }

    /// <summary>The SQL commands run since the last <see cref="SqlCommandLog.Reset"/> (PostgreSQL only).</summary>
    public SqlCommandLog Commands { get; }

    public InProcessChangeFeed Changes => app.Services.GetRequiredService<InProcessChangeFeed>();

    public static async Task<SpatialServer> InMemoryAsync(IDictionary<string, string?>? settings = null)
    {
        return await StartAsync(null, new SqlCommandLog(), settings, builder =>
        {
            builder.Services.AddSingleton(provider =>
            {
                var loaded = new InMemorySpatialStore(provider.GetRequiredService<IChangeEventPublisher>());
                loaded.Load(TestWorld.Data);
                return loaded;
            });
        });
    }

    public static async Task<SpatialServer> PostgresAsync()
    {
        var database = await TestDatabase.CreateAsync("spatial_http", postgis: true, TestContext.Current.CancellationToken, SpatialDataSource.Configure);
        var commands = new SqlCommandLog();
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(database.ConnectionString).UseLoggerFactory(LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            logging.AddProvider(commands);
        }));
        SpatialDataSource.Configure(dataSourceBuilder);
        var dataSource = dataSourceBuilder.Build();
        return await StartAsync(
            database,
            commands,
            new Dictionary<string, string?>
            {
                ["Store"] = "Postgres",
                ["ConnectionStrings:Postgres"] = database.ConnectionString,
                ["Seed:Persons"] = TestWorld.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            builder => builder.Services.AddSingleton(dataSource));
    }

    private static async Task<SpatialServer> StartAsync(TestDatabase? database, SqlCommandLog commands, IDictionary<string, string?>? settings, Action<WebApplicationBuilder> services)
    {
        var app = SpatialService.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
                ["Seed:Persons"] = "0",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            services(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SpatialServer(app, database, commands);
    }

    public Task<GraphQLResponse> PostAsync([StringSyntax("graphql")] string query, object? variables = null) =>
        Client.PostAsync(query, variables, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Unsigned.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>Counts the SQL commands a data source executes on the register's tables, from Npgsql's command log.</summary>
internal sealed class SqlCommandLog : ILoggerProvider
{
    private readonly List<string> executed = [];

    public IReadOnlyList<string> Executed
    {
        get
        {
            lock (executed)
            {
                return [.. executed];
            }
        }
    }

    public void Reset()
    {
        lock (executed)
        {
            executed.Clear();
        }
    }

    public ILogger CreateLogger(string categoryName) => new CommandLogger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class CommandLogger(string category, SqlCommandLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == "Npgsql.Command";

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            // Only the register's statements: the outbox relay polls its table in the background.
            if (category == "Npgsql.Command" && message.StartsWith("Command execution completed", StringComparison.Ordinal)
                && message.Contains("\"spatial\".", StringComparison.Ordinal) && !message.Contains("change_outbox", StringComparison.Ordinal))
            {
                lock (log.executed)
                {
                    log.executed.Add(message);
                }
            }
        }
    }
}
