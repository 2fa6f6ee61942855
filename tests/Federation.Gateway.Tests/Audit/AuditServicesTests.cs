using System.Runtime.Versioning;
using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Audit.Subjects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Federation.Gateway.Tests.Audit;

[UnsupportedOSPlatform("windows")] // the key files' owner-only mode is checked
public sealed class AuditServicesTests
{
    [Fact]
    public async Task The_default_spool_store_makes_owner_only_development_keys_and_a_trail_that_closes_its_chain_at_stop()
    {
        using var directory = new TemporaryDirectory();
        var services = Services(directory, new() { ["Audit:Instance"] = "gw-a" });

        await using var provider = services.BuildServiceProvider();
        var trail = provider.GetRequiredService<IAuditTrail>();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        var record = await trail.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
        // As the host stops them: every service's StopAsync (the web server drains its requests), then StoppedAsync.
        for (var i = hosted.Count - 1; i >= 0; i--)
        {
            await hosted[i].StopAsync(TestContext.Current.CancellationToken);
        }

        var late = await trail.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);
        for (var i = hosted.Count - 1; i >= 0; i--)
        {
            await ((IHostedLifecycleService)hosted[i]).StoppedAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, record.Sequence);
        Assert.Equal(2, late.Sequence);
        Assert.IsType<SpooledAuditTrail>(trail);
        Assert.Equal(provider.GetRequiredService<AuditKeys>().Subjects, provider.GetRequiredService<SubjectHash>());
        foreach (var file in new[] { AuditKeys.SubjectKeyFile, AuditKeys.CheckpointKeyFile })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory.Path, "keys", file)));
        }

        var contents = AuditSpoolReader.ReadAll(Path.Combine(directory.Path, "spool"));
        var closing = Assert.Single(contents.Checkpoints);
        Assert.True(closing.Closing);
        Assert.Equal(2, closing.Sequence);
        var verification = new Gateway.Audit.Verification.ChainVerifier(provider.GetRequiredService<AuditKeys>().PublicKeys).Verify(contents.Records, contents.Checkpoints);
        Assert.True(verification.Whole);
        Assert.Equal(["gw-a"], verification.Instances);
    }

    [Fact]
    public void The_development_keys_are_kept_across_starts()
    {
        using var directory = new TemporaryDirectory();
        var options = new AuditOptions { DevelopmentKeyDirectory = directory.Path };

        var first = AuditKeys.Load(options);
        var second = AuditKeys.Load(options);

        Assert.True(first.Development);
        Assert.Equal(first.Checkpoints.KeyId, second.Checkpoints.KeyId);
        Assert.Equal(first.Subjects.Of("110101199003070000"), second.Subjects.Of("110101199003070000"));
    }

    [Fact]
    public void Configured_keys_are_used_and_a_key_file_others_can_read_is_refused()
    {
        using var directory = new TemporaryDirectory();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(directory.Path, "checkpoint.pem");
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var options = new AuditOptions { Store = AuditStore.Postgres, CheckpointKey = path, SubjectKey = Convert.ToBase64String(new byte[32]) };

        var keys = AuditKeys.Load(options);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var refused = Assert.Throws<AuditConfigurationException>(() => AuditKeys.Load(options));

        Assert.False(keys.Development);
        Assert.Equal(CheckpointSignature.KeyIdOf(key), keys.Checkpoints.KeyId);
        Assert.Contains("readable by others", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Audit:RetentionDays", "179", "at least 180")]
    [InlineData("Audit:Instance", "gw/../etc", "is not a chain name")]
    [InlineData("Audit:Instance", "a234567890123456789012345678901234567890123456789012345678901234", "is not a chain name")]
    [InlineData("Audit:CheckpointEvery", "0", "CheckpointEvery")]
    [InlineData("Audit:BatchSize", "0", "BatchSize")]
    [InlineData("Audit:ShipInterval", "00:05:00", "ShipInterval must be between")]
    [InlineData("Audit:ShipInterval", "-00:00:01", "ShipInterval must be between")]
    [InlineData("Audit:Store", "Mongo", "does not read")]
    [InlineData("Audit:Schema", "audit; DROP", "not a PostgreSQL schema name")]
    [InlineData("Audit:SubjectKey", "c2hvcnQ=", "at least 32 bytes")]
    public void A_bad_setting_stops_the_start_with_a_clear_message(string key, string value, string expected)
    {
        using var directory = new TemporaryDirectory();

        var refused = Assert.Throws<AuditConfigurationException>(() => Services(directory, new() { [key] = value }));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_processes_of_one_host_without_a_configured_instance_each_keep_a_chain_of_their_own()
    {
        using var directory = new TemporaryDirectory();
        var host = AuditOptions.HostInstance(Environment.MachineName);
        await using var first = Services(directory, []).BuildServiceProvider();
        await using var second = Services(directory, []).BuildServiceProvider();

        var one = (SpooledAuditTrail)first.GetRequiredService<IAuditTrail>();
        var other = (SpooledAuditTrail)second.GetRequiredService<IAuditTrail>();
        await one.AppendAsync(AuditEntries.Access(1), TestContext.Current.CancellationToken);
        await other.AppendAsync(AuditEntries.Access(2), TestContext.Current.CancellationToken);

        Assert.Equal(host, one.Spool.Instance);
        Assert.Equal(host + "-2", other.Spool.Instance);
        await other.DisposeAsync();

        // A process restarted alone gets its chain back.
        await using var third = Services(directory, []).BuildServiceProvider();
        var again = (SpooledAuditTrail)third.GetRequiredService<IAuditTrail>();
        Assert.Equal(host + "-2", again.Spool.Instance);
        var chains = AuditSpool.ReadAll(Path.Combine(directory.Path, "spool")).Records.GroupBy(r => r.Instance).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { [host] = 1, [host + "-2"] = 1 }, chains);
    }

    [Fact]
    public async Task A_configured_instance_whose_spool_another_process_holds_stops_the_start()
    {
        using var directory = new TemporaryDirectory();
        await using var first = Services(directory, new() { ["Audit:Instance"] = "gw-a" }).BuildServiceProvider();
        await using var second = Services(directory, new() { ["Audit:Instance"] = "gw-a" }).BuildServiceProvider();
        first.GetRequiredService<IAuditTrail>();

        var refused = Assert.Throws<AuditConfigurationException>(() => second.GetRequiredService<IAuditTrail>());

        Assert.Contains("in use by another gateway process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgres_store_requires_configured_keys()
    {
        using var directory = new TemporaryDirectory();

        var refused = Assert.Throws<AuditConfigurationException>(() => Services(directory, new() { ["Audit:Store"] = "Postgres" }));

        Assert.Contains("Audit:SubjectKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Audit:CheckpointKey", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Auditing_off_registers_no_trail_and_says_so_at_the_start()
    {
        using var directory = new TemporaryDirectory();
        var log = new RecordingLogger();
        var services = Services(directory, new() { ["Audit:Enabled"] = "false" });
        services.AddSingleton<ILoggerFactory>(new SingleLoggerFactory(log));

        await using var provider = services.BuildServiceProvider();
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        Assert.Null(provider.GetService<IAuditTrail>());
        Assert.Null(provider.GetService<SubjectHash>());
        Assert.Equal(1, log.Count("AuditDisabled"));
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "spool")));
    }

    [Theory]
    [InlineData("gw-1.example_a", "gw-1.example_a")]
    [InlineData("host name/with:odd", "host-name-with-odd")]
    [InlineData("", "gateway")]
    public void A_host_name_becomes_a_valid_instance(string host, string instance)
    {
        Assert.Equal(instance, AuditOptions.HostInstance(host));
        Assert.True(AuditOptions.IsValidInstance(AuditOptions.HostInstance(host)));
    }

    private static ServiceCollection Services(TemporaryDirectory directory, Dictionary<string, string?> settings)
    {
        settings.TryAdd("Audit:SpoolDirectory", Path.Combine(directory.Path, "spool"));
        settings.TryAdd("Audit:DevelopmentKeyDirectory", Path.Combine(directory.Path, "keys"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddAuditTrail(configuration);
        return services;
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
