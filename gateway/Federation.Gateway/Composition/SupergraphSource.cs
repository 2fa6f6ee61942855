namespace Federation.Gateway.Composition;

/// <summary>
/// The supergraph the gateway serves now. Readers take <see cref="Current"/> once per request and
/// keep that instance for the whole request; a reload swaps the single reference atomically, so a
/// request never sees half of one supergraph and half of another.
/// </summary>
public sealed class SupergraphSource
{
    private volatile Supergraph current;

    public SupergraphSource(Supergraph initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        current = initial;
    }

    public Supergraph Current => current;

    /// <summary>Raised after a new supergraph has replaced the previous one.</summary>
    public event EventHandler<Supergraph>? Changed;

    /// <exception cref="FormatException">The file does not hold a supergraph.</exception>
    public static SupergraphSource FromFile(string path) => new(Supergraph.Parse(File.ReadAllText(path)));

    internal void Replace(Supergraph next)
    {
        current = next;
        Changed?.Invoke(this, next);
    }
}
