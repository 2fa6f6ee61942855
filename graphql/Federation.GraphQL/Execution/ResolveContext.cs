using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>What a resolver knows about the field it resolves. Owned by the executor; do not keep it.</summary>
public sealed class ResolveContext
{
    private OperationRun run = null!;
    private FieldPlan plan = null!;
    private ResultObject target = null!;
    private int index;

    public object? Source { get; internal set; }

    public OutputField Field { get; internal set; } = null!;

    public ObjectType ParentType { get; internal set; } = null!;

    /// <summary>The schema being executed; introspection's resolvers need it.</summary>
    public Schema Schema { get; internal set; } = null!;

    /// <summary>Coerced argument values, in argument-definition order.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; internal set; } = null!;

    public CancellationToken CancellationToken { get; internal set; }

    /// <summary>The field's name in the schema.</summary>
    public string FieldName => plan.Node.Name.Value;

    /// <summary>The key under which the value appears in the response: the alias or the field name.</summary>
    public string ResponseName => plan.ResponseName;

    /// <summary>The field's type in the schema.</summary>
    public GraphQLType ReturnType => Field.Type;

    /// <summary>The selection of the field; further nodes merged under the same response key are in <see cref="FieldNodes"/>.</summary>
    public FieldNode FieldNode => plan.Node;

    public IReadOnlyList<FieldNode> FieldNodes => plan.Nodes;

    /// <summary>The response path of the field: keys and list indices. Built on each call.</summary>
    public IReadOnlyList<object> Path => OperationRun.PathOf(target, index);

    public OperationDefinitionNode Operation => run.Operation;

    /// <summary>The coerced variable values of the operation.</summary>
    public IReadOnlyDictionary<string, object?> Variables => run.Variables.Coerced;

    public object? RootValue => run.Request.RootValue;

    /// <summary>The request's context object (<see cref="ExecutionRequest.Context"/>).</summary>
    public object? Context => run.Request.Context;

    /// <summary>The request's services (<see cref="ExecutionRequest.Services"/>).</summary>
    public IServiceProvider? Services => run.Request.Services;

    /// <summary>
    /// The request's batch loader named <paramref name="loaderKey"/>, created with <paramref name="fetch"/>
    /// on first use. Keys loaded while the executor has nothing else to run go to one fetch call.
    /// </summary>
    public BatchLoader<TKey, TValue> Batch<TKey, TValue>(
        string loaderKey,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        run.Batches.GetOrAdd<TKey, TValue>(loaderKey, fetch);

    /// <inheritdoc cref="Batch{TKey, TValue}(string, Func{IReadOnlyList{TKey}, CancellationToken, ValueTask{IReadOnlyDictionary{TKey, TValue}}})"/>
    public BatchLoader<TKey, TValue> Batch<TKey, TValue>(
        string loaderKey,
        Func<IReadOnlyList<TKey>, ValueTask<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        run.Batches.GetOrAdd<TKey, TValue>(loaderKey, fetch);

    internal void Reset(OperationRun owner, FieldPlan field, ResultObject parent, int slot, object? source)
    {
        run = owner;
        plan = field;
        target = parent;
        index = slot;
        Source = source;
        Field = field.Definition!;
        ParentType = field.ParentType;
        Schema = owner.Schema;
        CancellationToken = owner.CancellationToken;
    }

    internal void Clear()
    {
        Source = null;
        Arguments = null!;
        target = null!;
    }
}
