namespace Federation.Subgraphs.Spatial.Store;

/// <summary>A correction's field: left out (keep the value) or given, possibly as null (clear it).</summary>
internal readonly record struct Optional<T>(bool IsGiven, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Given(T value) => new(true, value);

    /// <summary>The given value, else <paramref name="current"/>.</summary>
    public T Or(T current) => IsGiven ? Value : current;
}
