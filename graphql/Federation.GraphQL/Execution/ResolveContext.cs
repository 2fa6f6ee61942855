using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>What a resolver knows about the field it resolves. Owned by the executor; do not keep it.</summary>
public sealed class ResolveContext
{
    public object? Source { get; internal set; }

    public OutputField Field { get; internal set; } = null!;

    public ObjectType ParentType { get; internal set; } = null!;

    /// <summary>The schema being executed; introspection's resolvers need it.</summary>
    public Schema Schema { get; internal set; } = null!;

    /// <summary>Coerced argument values, in argument-definition order.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; internal set; } = null!;

    public CancellationToken CancellationToken { get; internal set; }
}
