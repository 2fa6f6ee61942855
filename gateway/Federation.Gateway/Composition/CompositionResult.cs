namespace Federation.Gateway.Composition;

/// <summary>Either the supergraph SDL (Apollo's format) or the errors that kept the subgraphs from composing.</summary>
public sealed class CompositionResult
{
    private CompositionResult(string? supergraphSdl, IReadOnlyList<CompositionError> errors)
    {
        SupergraphSdl = supergraphSdl;
        Errors = errors;
    }

    /// <summary>The supergraph as Apollo's <c>composeServices</c> prints it; null when composition failed.</summary>
    public string? SupergraphSdl { get; }

    public IReadOnlyList<CompositionError> Errors { get; }

    public bool Succeeded => SupergraphSdl is not null;

    internal static CompositionResult Success(string supergraphSdl) => new(supergraphSdl, []);

    internal static CompositionResult Failure(IReadOnlyList<CompositionError> errors) => new(null, errors);
}
