namespace Federation.Subgraphs.Hosting.Changes;

/// <summary>Where change events go once their change is committed: Redis for the gateway's cache, or in process.</summary>
public interface IChangeEventPublisher
{
    Task PublishAsync(ChangeEvent change, CancellationToken cancellationToken = default);
}
