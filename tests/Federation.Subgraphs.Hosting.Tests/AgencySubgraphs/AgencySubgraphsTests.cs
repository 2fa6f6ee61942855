using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.LegalPersons;
using Federation.Subgraphs.Licences;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Spatial;
using Federation.Subgraphs.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Hosting.Tests.AgencySubgraphs;

/// <summary>
/// The four agency subgraphs are set up alike (subgraphs/README.md): each reads the same store and
/// change-event keys, refuses the same mistakes with the same code, and has the same readiness.
/// </summary>
public sealed class AgencySubgraphsTests
{
    public static readonly TheoryData<string> Agencies = ["population", "legal-persons", "spatial", "licences"];

    /// <summary>Each agency's own schema name: what <c>Store:Schema</c> defaults to.</summary>
    public static readonly TheoryData<string, string> DefaultSchemas = new()
    {
        { "population", "population" },
        { "legal-persons", "legal_persons" },
        { "spatial", "spatial" },
        { "licences", "licences" },
    };

    public static TheoryData<string, string, string?, string> Mistakes
    {
        get
        {
            var mistakes = new TheoryData<string, string, string?, string>();
            foreach (var agency in Agencies)
            {
                mistakes.Add(agency, "Oracle", null, "STORE_KIND_UNKNOWN: Store must be InMemory or Postgres; it is \"Oracle\".");
                mistakes.Add(agency, "Postgres", null, "STORE_CONNECTION_MISSING: Store is Postgres but ConnectionStrings:Postgres is not set.");
                mistakes.Add(agency, "InMemory", "-1", $"SEED_PERSONS_INVALID: Seed:Persons must be between 0 and {DemoWorld.MaximumPersons}; it is \"-1\".");
            }

            return mistakes;
        }
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_store_mistake_stops_each_subgraph_with_the_same_coded_error(string agency, string store, string? seedPersons, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Store"] = store };
        if (seedPersons is not null)
        {
            settings["Seed:Persons"] = seedPersons;
        }

        var refused = Assert.Throws<StoreConfigurationException>(() => Build(agency, settings));

        Assert.Equal(expected, refused.Message);
        Assert.Equal(expected[..expected.IndexOf(':', StringComparison.Ordinal)], refused.Code);
    }

    [Theory]
    [MemberData(nameof(DefaultSchemas))]
    public async Task In_memory_each_reads_the_same_keys_publishes_in_process_and_is_ready_by_its_store_check(string agency, string defaultSchema)
    {
        await using var app = Build(agency, new() { ["Store"] = "inmemory", ["Seed:Persons"] = "0" });

        Assert.Equal(new StoreOptions { Kind = StoreKind.InMemory, Schema = defaultSchema, SeedPersons = 0 }, app.Services.GetRequiredService<StoreOptions>());
        Assert.Same(app.Services.GetRequiredService<InProcessChangeFeed>(), app.Services.GetRequiredService<IChangeEventPublisher>());
        Assert.Equal(["draining", "store"], await ReadinessChecksAsync(app, expectHealthy: false));
        await app.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["draining", "store"], await ReadinessChecksAsync(app, expectHealthy: true));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public async Task On_PostgreSQL_each_migrates_the_configured_schema_relays_its_outbox_to_Redis_and_is_ready(string agency)
    {
        await using var database = await TestDatabase.CreateAsync("agency_alike", postgis: true, TestContext.Current.CancellationToken);
        var schema = "alike_" + agency.Replace('-', '_');
        await using var app = Build(agency, new()
        {
            ["Store"] = "Postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Store:Schema"] = schema,
            ["Seed:Persons"] = "0",
            ["ChangeEvents:Redis"] = TestServices.Redis,
        });

        Assert.Equal(
            new StoreOptions { Kind = StoreKind.Postgres, Schema = schema, ConnectionString = database.ConnectionString, SeedPersons = 0, ChangeEventsRedis = TestServices.Redis },
            app.Services.GetRequiredService<StoreOptions>());
        Assert.IsType<RedisChangeEventPublisher>(app.Services.GetRequiredService<IChangeEventPublisher>());

        // The relay reads the outbox the store's start-up creates, so it starts after it.
        var hosted = app.Services.GetServices<IHostedService>().Select(service => service.GetType().Name).ToList();
        Assert.True(hosted.IndexOf("StoreStartup") is >= 0 and var startup && startup < hosted.IndexOf(nameof(ChangeOutboxRelay)), string.Join(", ", hosted));

        await app.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["draining", ChangeEventSetup.RedisCheckName, "store"], await ReadinessChecksAsync(app, expectHealthy: true));
        await using var tables = database.DataSource.CreateCommand(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = @schema AND table_name IN ('change_outbox', 'schema_migrations')");
        tables.Parameters.AddWithValue("schema", schema);
        Assert.Equal("change_outbox,schema_migrations", await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The names of the checks <c>/health/ready</c> runs, after checking they all are (or are not yet) healthy.</summary>
    private static async Task<IReadOnlyList<string>> ReadinessChecksAsync(WebApplication app, bool expectHealthy)
    {
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(
            check => check.Tags.Contains(SubgraphHosting.ReadinessTag), TestContext.Current.CancellationToken);
        Assert.Equal(expectHealthy ? HealthStatus.Healthy : HealthStatus.Unhealthy, report.Status);
        return [.. report.Entries.Keys];
    }

    private static WebApplication Build(string agency, Dictionary<string, string?> settings)
    {
        void Configure(WebApplicationBuilder builder)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                ["GatewaySignature:Secret"] = SignedGraphQLClient.Secret,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        return agency switch
        {
            "population" => PopulationService.Build([], Configure),
            "legal-persons" => LegalPersonsService.Build([], Configure),
            "spatial" => SpatialService.Build([], Configure),
            "licences" => LicencesService.Build([], Configure),
            _ => throw new ArgumentOutOfRangeException(nameof(agency), agency, "Not one of the four agency subgraphs."),
        };
    }
}
