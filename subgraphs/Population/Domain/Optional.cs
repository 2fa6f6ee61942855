namespace Federation.Subgraphs.Population.Domain;

/// <summary>A field of a correction: left out (keep the value) or given, possibly as null (clear it).</summary>
internal readonly record struct Optional<T>(bool IsGiven, T Value)
{
    public static Optional<T> Omitted => default;

    public static implicit operator Optional<T>(T value) => new(true, value);
}
