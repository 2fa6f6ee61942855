using Federation.Subgraphs.Hosting.Stores;
using Microsoft.Extensions.Configuration;

namespace Federation.Subgraphs.Hosting.Tests.Stores;

/// <summary>The store configuration every agency subgraph reads: its keys, its defaults, and a coded refusal for each mistake.</summary>
public sealed class StoreOptionsTests
{
    private static readonly StoreDefaults Defaults = new(Schema: "agency", SeedPersons: 10_000, MaximumSeedPersons: 1_000_000);

    [Fact]
    public void Nothing_configured_is_the_seeded_in_memory_store_with_in_process_change_events()
    {
        var options = Read([]);

        Assert.Equal(StoreKind.InMemory, options.Kind);
        Assert.False(options.UsesPostgres);
        Assert.Equal("agency", options.Schema);
        Assert.Equal(10_000, options.SeedPersons);
        Assert.Null(options.ConnectionString);
        Assert.Null(options.ChangeEventsRedis);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var options = Read(new()
        {
            ["Store"] = "Postgres",
            ["Store:Schema"] = "register_2",
            ["ConnectionStrings:Postgres"] = "Host=db;Database=register",
            ["Seed:Persons"] = "0",
            ["ChangeEvents:Redis"] = "redis:6379",
        });

        Assert.Equal(
            new StoreOptions { Kind = StoreKind.Postgres, Schema = "register_2", ConnectionString = "Host=db;Database=register", SeedPersons = 0, ChangeEventsRedis = "redis:6379" },
            options);
        Assert.True(options.UsesPostgres);
    }

    [Theory]
    [InlineData("InMemory", StoreKind.InMemory)]
    [InlineData("inmemory", StoreKind.InMemory)]
    [InlineData("", StoreKind.InMemory)]
    [InlineData("POSTGRES", StoreKind.Postgres)]
    public void The_kind_is_read_without_regard_to_case(string configured, StoreKind expected)
    {
        var options = Read(new() { ["Store"] = configured, ["ConnectionStrings:Postgres"] = "Host=db" });

        Assert.Equal(expected, options.Kind);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("Memory")]
    [InlineData("Postgres ")]
    [InlineData("1")]
    [InlineData("SqlServer;Postgres")]
    public void An_unknown_kind_is_refused_with_its_code_never_served_from_memory(string kind)
    {
        var refused = Assert.Throws<StoreConfigurationException>(() => Read(new() { ["Store"] = kind, ["ConnectionStrings:Postgres"] = "Host=db" }));

        Assert.Equal(StoreErrorCodes.StoreKindUnknown, refused.Code);
        Assert.Equal($"STORE_KIND_UNKNOWN: Store must be InMemory or Postgres; it is \"{kind}\".", refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Postgres_without_a_connection_string_is_refused(string? connectionString)
    {
        var refused = Assert.Throws<StoreConfigurationException>(() => Read(new() { ["Store"] = "Postgres", ["ConnectionStrings:Postgres"] = connectionString }));

        Assert.Equal(StoreErrorCodes.StoreConnectionMissing, refused.Code);
        Assert.Equal("STORE_CONNECTION_MISSING: Store is Postgres but ConnectionStrings:Postgres is not set.", refused.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("ten")]
    [InlineData("1e3")]
    [InlineData("1000001")]
    [InlineData("99999999999")]
    public void A_seed_size_that_is_not_a_whole_number_in_range_is_refused(string persons)
    {
        var refused = Assert.Throws<StoreConfigurationException>(() => Read(new() { ["Seed:Persons"] = persons }));

        Assert.Equal(StoreErrorCodes.SeedPersonsInvalid, refused.Code);
        Assert.Equal($"SEED_PERSONS_INVALID: Seed:Persons must be between 0 and 1000000; it is \"{persons}\".", refused.Message);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1000000", 1_000_000)]
    public void The_seed_size_may_be_anything_from_none_to_the_maximum(string persons, int expected)
    {
        Assert.Equal(expected, Read(new() { ["Seed:Persons"] = persons }).SeedPersons);
    }

    private static StoreOptions Read(Dictionary<string, string?> settings) =>
        StoreOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Defaults);
}
