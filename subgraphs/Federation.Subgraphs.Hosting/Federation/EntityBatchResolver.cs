using Federation.Protocol.Signing;

namespace Federation.Subgraphs.Hosting;

/// <summary>
/// Resolves every representation of one entity type that a single <c>_entities</c> call carries —
/// one database round trip for the whole batch. Answer one entry per representation, in the
/// same order: the entity, null when it does not exist, or an <see cref="Exception"/> to report
/// an error for that entry alone.
/// </summary>
public delegate ValueTask<IReadOnlyList<object?>> EntityBatchResolver(IReadOnlyList<Representation> representations, EntityBatchContext context);

/// <summary>What an entity resolver knows about the request.</summary>
public sealed class EntityBatchContext
{
    internal EntityBatchContext(object? requestContext, IServiceProvider? services, CancellationToken cancellationToken)
    {
        RequestContext = requestContext;
        Services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>The request's context object (a <see cref="SubgraphRequestContext"/> under <c>MapSubgraph</c>).</summary>
    public object? RequestContext { get; }

    /// <summary>The agency, purpose and matter the gateway signed for; null when signatures are off and none was sent.</summary>
    public GatewayCaller? Caller => (RequestContext as SubgraphRequestContext)?.Caller;

    public IServiceProvider? Services { get; }

    public CancellationToken CancellationToken { get; }
}
