namespace Federation.Subgraphs.Hosting.Stores;

/// <summary>
/// Why an agency subgraph refuses to start on its store configuration (<see cref="StoreOptions"/>),
/// the same code from each of them; each code has its one factory.
/// </summary>
public static class StoreErrorCodes
{
    /// <summary><c>Store</c> names a kind that is neither <c>InMemory</c> nor <c>Postgres</c>.</summary>
    public const string StoreKindUnknown = "STORE_KIND_UNKNOWN";

    /// <summary><c>Store=Postgres</c> without <c>ConnectionStrings:Postgres</c>.</summary>
    public const string StoreConnectionMissing = "STORE_CONNECTION_MISSING";

    /// <summary><c>Seed:Persons</c> is not a whole number from 0 to the agency's maximum.</summary>
    public const string SeedPersonsInvalid = "SEED_PERSONS_INVALID";

    // The value is the operator's own configuration, quoted so that an empty or padded value shows.
    public static StoreConfigurationException KindUnknown(string kind) => new(
        StoreKindUnknown, $"{StoreOptions.KindKey} must be {StoreOptions.InMemoryKind} or {StoreOptions.PostgresKind}; it is \"{kind}\".");

    public static StoreConfigurationException ConnectionMissing() => new(
        StoreConnectionMissing, $"{StoreOptions.KindKey} is {StoreOptions.PostgresKind} but {StoreOptions.ConnectionStringKey} is not set.");

    public static StoreConfigurationException SeedPersonsOutOfRange(string configured, int maximum) => new(
        SeedPersonsInvalid, $"{StoreOptions.SeedPersonsKey} must be between 0 and {maximum}; it is \"{configured}\".");
}

/// <summary>
/// A store configuration the subgraph cannot start on: a stable <see cref="Code"/> and what to fix.
/// An <see cref="InvalidOperationException"/>, as the host's other start-up refusals are.
/// </summary>
public sealed class StoreConfigurationException(string code, string message) : InvalidOperationException($"{code}: {message}")
{
    public string Code { get; } = code;
}
