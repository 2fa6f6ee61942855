namespace Federation.Subgraphs.Population;

/// <summary>Where the register lives and how it is seeded; the same keys as the other agency subgraphs.</summary>
internal sealed record PopulationOptions
{
    public const string InMemoryStore = "InMemory";
    public const string PostgresStore = "Postgres";
    public const string DefaultSchema = "population";
    public const string DefaultUrl = "http://127.0.0.1:4101";

    /// <summary><c>Store</c>: <c>InMemory</c> (the embedded default) or <c>Postgres</c>.</summary>
    public string Store { get; init; } = InMemoryStore;

    /// <summary><c>ConnectionStrings:Postgres</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary><c>Store:Schema</c>: the PostgreSQL schema of the register's tables.</summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary><c>Seed:Persons</c>: the demo world's size; 0 seeds nothing. Seeding happens only into an empty register.</summary>
    public int SeedPersons { get; init; } = Federation.Subgraphs.DemoData.DemoWorld.DefaultPersons;

    /// <summary><c>ChangeEvents:Redis</c>: where change events go; in process when not set.</summary>
    public string? ChangeEventsRedis { get; init; }

    public bool UsesPostgres => string.Equals(Store, PostgresStore, StringComparison.OrdinalIgnoreCase);

    public static PopulationOptions From(IConfiguration configuration)
    {
        var store = configuration["Store"] is { Length: > 0 } configured ? configured : InMemoryStore;
        if (!string.Equals(store, InMemoryStore, StringComparison.OrdinalIgnoreCase) && !string.Equals(store, PostgresStore, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Store must be {InMemoryStore} or {PostgresStore}; it is \"{store}\".");
        }

        var options = new PopulationOptions
        {
            Store = store,
            ConnectionString = configuration.GetConnectionString("Postgres"),
            Schema = configuration["Store:Schema"] is { Length: > 0 } schema ? schema : DefaultSchema,
            SeedPersons = configuration.GetValue("Seed:Persons", Federation.Subgraphs.DemoData.DemoWorld.DefaultPersons),
            ChangeEventsRedis = configuration["ChangeEvents:Redis"] is { Length: > 0 } redis ? redis : null,
        };
        if (options.UsesPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Store is Postgres but ConnectionStrings:Postgres is not set.");
        }

        if (options.SeedPersons < 0 || options.SeedPersons > Federation.Subgraphs.DemoData.DemoWorld.MaximumPersons)
        {
            throw new InvalidOperationException($"Seed:Persons must be between 0 and {Federation.Subgraphs.DemoData.DemoWorld.MaximumPersons}; it is {options.SeedPersons}.");
        }

        return options;
    }
}
