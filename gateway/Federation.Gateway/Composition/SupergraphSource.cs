namespace Federation.Gateway.Composition;

/// <summary>
/// The supergraph the gateway serves now. Readers take <see cref="Current"/> once per request and
/// keep that instance for the whole request; a reload swaps the single reference atomically, so a
/// request never sees half of one supergraph and half of another.
/// </summary>
public sealed class SupergraphSource
{
    private volatile Supergraph current;

    /// <exception cref="FormatException">The supergraph carries access rules this gateway does not enforce.</exception>
    public SupergraphSource(Supergraph initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        if (UnenforcedAccessControl(initial) is { } error)
        {
            throw new FormatException(error.Message);
        }

        current = initial;
    }

    public Supergraph Current => current;

    /// <summary>Raised after a new supergraph has replaced the previous one.</summary>
    public event EventHandler<Supergraph>? Changed;

    /// <exception cref="FormatException">The file does not hold a supergraph.</exception>
    public static SupergraphSource FromFile(string path) => new(Supergraph.Parse(File.ReadAllText(path)));

    /// <summary>
    /// A supergraph linking <c>@authenticated</c>, <c>@requiresScopes</c> or <c>@policy</c> asks its
    /// router to enforce them; this gateway authorizes by the share catalogue only, and serving it
    /// would answer callers a subgraph meant to refuse. Compose it for Apollo Router, or drop them.
    /// </summary>
    internal static CompositionError? UnenforcedAccessControl(Supergraph supergraph) =>
        supergraph.AccessControlSpecs.Count == 0 ? null : CompositionErrorCodes.AccessControlNotEnforced(supergraph.AccessControlSpecs);

    internal void Replace(Supergraph next)
    {
        current = next;
        Changed?.Invoke(this, next);
    }
}
