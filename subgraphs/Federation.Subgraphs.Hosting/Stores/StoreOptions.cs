using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Federation.Subgraphs.Hosting.Stores;

/// <summary>
/// Where an agency subgraph's register lives, how much demo data it starts with and where its
/// change events go: the configuration keys every agency subgraph reads, read and checked here
/// once so that each answers a mistake with the same code (<see cref="StoreErrorCodes"/>).
/// </summary>
public sealed record StoreOptions
{
    /// <summary><c>Store</c>: <c>InMemory</c> (the default) or <c>Postgres</c>; anything else stops start-up.</summary>
    public const string KindKey = "Store";

    /// <summary><c>Store:Schema</c>: the PostgreSQL schema of the register's tables, migrations and change outbox.</summary>
    public const string SchemaKey = "Store:Schema";

    /// <summary><c>ConnectionStrings:Postgres</c>: required with <c>Store=Postgres</c>.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Postgres";

    /// <summary><c>Seed:Persons</c>: the size of the demo world seeded into an empty register; 0 seeds nothing.</summary>
    public const string SeedPersonsKey = "Seed:Persons";

    /// <summary><c>ChangeEvents:Redis</c>: publish change events on Redis; in process (<c>InProcessChangeFeed</c>) when not set.</summary>
    public const string ChangeEventsRedisKey = "ChangeEvents:Redis";

    public const string InMemoryKind = "InMemory";
    public const string PostgresKind = "Postgres";

    public StoreKind Kind { get; init; }

    public string? ConnectionString { get; init; }

    public required string Schema { get; init; }

    public int SeedPersons { get; init; }

    public string? ChangeEventsRedis { get; init; }

    public bool UsesPostgres => Kind == StoreKind.Postgres;

    /// <summary>The options <paramref name="configuration"/> asks for, with the agency's <paramref name="defaults"/> for what it leaves out.</summary>
    /// <exception cref="StoreConfigurationException">An unknown store kind, PostgreSQL without a connection string, or a seed size that is not a number in range.</exception>
    public static StoreOptions From(IConfiguration configuration, StoreDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(defaults);
        var options = new StoreOptions
        {
            Kind = KindOf(configuration[KindKey]),
            ConnectionString = NullIfEmpty(configuration[ConnectionStringKey]),
            Schema = NullIfEmpty(configuration[SchemaKey]) ?? defaults.Schema,
            SeedPersons = SeedPersonsOf(configuration[SeedPersonsKey], defaults),
            ChangeEventsRedis = NullIfEmpty(configuration[ChangeEventsRedisKey]),
        };
        if (options.UsesPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw StoreErrorCodes.ConnectionMissing();
        }

        return options;
    }

    private static StoreKind KindOf(string? configured) => configured switch
    {
        null or "" => StoreKind.InMemory,
        _ when string.Equals(configured, InMemoryKind, StringComparison.OrdinalIgnoreCase) => StoreKind.InMemory,
        _ when string.Equals(configured, PostgresKind, StringComparison.OrdinalIgnoreCase) => StoreKind.Postgres,
        _ => throw StoreErrorCodes.KindUnknown(configured),
    };

    private static int SeedPersonsOf(string? configured, StoreDefaults defaults)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return defaults.SeedPersons;
        }

        if (!int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var persons) || persons > defaults.MaximumSeedPersons)
        {
            throw StoreErrorCodes.SeedPersonsOutOfRange(configured, defaults.MaximumSeedPersons);
        }

        return persons;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>The store kinds an agency subgraph runs on.</summary>
public enum StoreKind
{
    /// <summary>The register in the process's memory, seeded at every start: the embedded and development default.</summary>
    InMemory,

    /// <summary>The register in PostgreSQL, migrated at start and seeded only when empty; change events through the outbox.</summary>
    Postgres,
}

/// <summary>What an agency's register uses when the configuration leaves it out.</summary>
/// <param name="Schema">The PostgreSQL schema (<c>Store:Schema</c>), by convention the subgraph's name in snake case.</param>
/// <param name="SeedPersons">The demo world's size (<c>Seed:Persons</c>).</param>
/// <param name="MaximumSeedPersons">The largest demo world the agency's seed can make.</param>
/// <param name="DataSource">
/// What the agency's register needs of its PostgreSQL data source beyond the defaults — a type mapping,
/// such as the spatial register's geometries (<c>UseNetTopologySuite</c>); <see langword="null"/> for none.
/// </param>
public sealed record StoreDefaults(string Schema, int SeedPersons, int MaximumSeedPersons, Action<Npgsql.NpgsqlDataSourceBuilder>? DataSource = null);
