namespace Federation.Subgraphs.Testing;

/// <summary>
/// The real services integration tests run against, as <c>tests/run.sh</c> starts them; the
/// environment overrides the defaults.
/// </summary>
public static class TestServices
{
    public static string Postgres =>
        Environment.GetEnvironmentVariable("FEDERATION_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=5440;Username=postgres;Database=postgres";

    public static string Redis =>
        Environment.GetEnvironmentVariable("FEDERATION_TEST_REDIS") is { Length: > 0 } value ? value : "127.0.0.1:6390";
}
