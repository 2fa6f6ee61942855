namespace Federation.Subgraphs.Hosting.Stores;

/// <summary>
/// An agency's part of bringing its register up (<see cref="SubgraphStoreSetup.AddSubgraphStore{TStore, TStartup}"/>):
/// what it does before the service answers, and whether the register answers afterwards.
/// </summary>
public interface IStoreStartup
{
    /// <summary>PostgreSQL: applies the migrations, then seeds an empty register; memory: loads the seed. Runs once, after the change outbox exists.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Null when the register answers, else why not (readiness); may throw what its database throws.</summary>
    Task<string?> UnreadyReasonAsync(CancellationToken cancellationToken);
}
