using Federation.GraphQL;

namespace Federation.Gateway.Execution;

/// <summary>
/// What one subgraph request gave: the response's <c>data</c> and <c>errors</c>, or — when the
/// subgraph was down, slow or answered garbage — <see cref="Failure"/>, the error its fields get.
/// </summary>
internal sealed class SubgraphResponse
{
    private SubgraphResponse(Dictionary<string, object?>? data, IReadOnlyList<Dictionary<string, object?>> errors, GraphQLError? failure)
    {
        Data = data;
        Errors = errors;
        Failure = failure;
    }

    public Dictionary<string, object?>? Data { get; }

    /// <summary>The response's errors as the subgraph wrote them (each has a string <c>message</c>).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Errors { get; }

    public GraphQLError? Failure { get; }

    public static SubgraphResponse Answered(Dictionary<string, object?>? data, IReadOnlyList<Dictionary<string, object?>> errors) => new(data, errors, null);

    public static SubgraphResponse Failed(GraphQLError failure) => new(null, [], failure);
}
