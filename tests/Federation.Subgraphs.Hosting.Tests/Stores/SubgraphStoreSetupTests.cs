using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Hosting.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Federation.Subgraphs.Hosting.Tests.Stores;

/// <summary>The one store set-up: the store of the configured kind, a host's own services kept, readiness following the agency's start-up.</summary>
public sealed class SubgraphStoreSetupTests
{
    [Fact]
    public void In_memory_the_memory_factory_makes_the_store_and_nothing_of_PostgreSQL_is_registered()
    {
        using var app = Build([]);

        Assert.Equal("memory", app.Services.GetRequiredService<Register>().Where);
        Assert.Null(app.Services.GetService<NpgsqlDataSource>());
        Assert.Null(app.Services.GetService<ChangeOutboxRelay>());
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service is ChangeOutboxRelay);
    }

    [Fact]
    public void On_PostgreSQL_the_store_is_built_on_the_configured_schema_with_its_outbox()
    {
        using var app = Build(new() { ["Store"] = "Postgres", ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1", ["Store:Schema"] = "agency_b" });

        var register = app.Services.GetRequiredService<Register>();
        Assert.Equal("postgres:agency_b", register.Where);
        Assert.Same(app.Services.GetRequiredService<ChangeOutbox>(), app.Services.GetRequiredService<PostgresStorage>().Outbox);
        Assert.Equal("agency_b", app.Services.GetRequiredService<ChangeOutbox>().Schema);
    }

    [Fact]
    public void The_agencys_data_source_needs_are_applied_to_the_one_data_source_it_gets()
    {
        var calls = 0;
        using var app = Build(
            new() { ["Store"] = "Postgres", ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Application Name=agency" },
            dataSource: builder =>
            {
                calls++;
                builder.ConnectionStringBuilder.ApplicationName = "agency register";
            });

        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Same(dataSource, app.Services.GetRequiredService<PostgresStorage>().DataSource);
        Assert.Equal(1, calls);
        Assert.Contains("Application Name=\"agency register\"", dataSource.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_and_a_publisher_the_host_registered_first_are_kept()
    {
        var own = new Register("the host's");
        var feed = new InProcessChangeFeed();
        using var app = Build([], services => services.AddSingleton(own).AddSingleton<IChangeEventPublisher>(feed));

        Assert.Same(own, app.Services.GetRequiredService<Register>());
        Assert.Same(feed, app.Services.GetRequiredService<IChangeEventPublisher>());
    }

    [Fact]
    public async Task Readiness_waits_for_the_agency_start_up_then_follows_the_register()
    {
        var startup = new HeldStartup();
        using var app = Build([], services => services.AddSingleton(startup));
        var check = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single();
        var health = app.Services.GetRequiredService<HealthCheckService>();

        var starting = app.StartAsync(TestContext.Current.CancellationToken);
        var during = await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        startup.Release.SetResult();
        await starting;
        var after = await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        startup.Reason = "The register's tables are missing.";
        var unanswered = await health.CheckHealthAsync(TestContext.Current.CancellationToken);
        startup.Failure = new TimeoutException("no answer");
        var failing = await health.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal("store", check.Name);
        Assert.Contains(SubgraphHosting.ReadinessTag, check.Tags);
        Assert.Equal(("Unhealthy", "The register is still being migrated or seeded."), Entry(during));
        Assert.Equal(("Healthy", (string?)null), Entry(after));
        Assert.Equal(("Unhealthy", "The register's tables are missing."), Entry(unanswered));
        Assert.Equal(("Unhealthy", "The register's database does not answer."), Entry(failing));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static (string, string?) Entry(HealthReport report) => (report.Entries["store"].Status.ToString(), report.Entries["store"].Description);

    private static WebApplication Build(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null, Action<NpgsqlDataSourceBuilder>? dataSource = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services?.Invoke(builder.Services);
        builder.AddSubgraphStore<Register, HeldStartup>(
            new StoreDefaults(Schema: "agency", SeedPersons: 0, MaximumSeedPersons: 10, DataSource: dataSource),
            inMemory: _ => new Register("memory"),
            postgres: (_, storage) => new Register("postgres:" + storage.Schema));
        return builder.Build();
    }

    private sealed record Register(string Where);

    /// <summary>A start-up that waits for the test (when held) and answers readiness as told.</summary>
    private sealed class HeldStartup : IStoreStartup
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Reason { get; set; }

        public Exception? Failure { get; set; }

        public Task PrepareAsync(CancellationToken cancellationToken) => Release.Task.WaitAsync(cancellationToken);

        public Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken) =>
            Failure is null ? Task.FromResult(Reason) : Task.FromException<string?>(Failure);
    }
}
