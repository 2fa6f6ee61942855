namespace Federation.Subgraphs.Spatial.Store;

internal static class RegisterClock
{
    /// <summary>Now, in whole microseconds: what PostgreSQL's timestamptz keeps, so both stores answer the same instant.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }
}
