using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>
/// How the gateway answers one operation: which subgraphs it asks, in what order and with what
/// selections. Plain data with a deterministic printer (<see cref="QueryPlanPrinter"/>), the shape
/// of Apollo Router's plans. A plan without a root fetches nothing (only <c>__typename</c> or
/// introspection at the root).
/// </summary>
internal sealed record QueryPlan(OperationType Operation, PlanNode? Root)
{
    public override string ToString() => QueryPlanPrinter.Print(this);
}

/// <summary>A step of a plan.</summary>
internal abstract record PlanNode;

/// <summary>
/// One request to one subgraph. <see cref="Requires"/> is null for a root fetch; for an entity
/// fetch it is the selection each representation is built from (<c>... on T { __typename key }</c>),
/// and <see cref="Selection"/> is what <c>_entities</c> selects.
/// </summary>
internal sealed record FetchNode(
    string Subgraph,
    OperationType Operation,
    SelectionSetNode Selection,
    SelectionSetNode? Requires,
    IReadOnlyList<string> VariableUsages,
    string OperationText) : PlanNode
{
    public bool IsEntityFetch => Requires is not null;

    /// <summary>
    /// For an entity fetch whose representations carry <c>@requires</c> fields besides the key:
    /// the key part (<c>... on T { __typename key }</c>). An object whose key holds a null is not
    /// fetched; a null required field is sent. Null when the representation is all key.
    /// </summary>
    public SelectionSetNode? Keys { get; init; }

    /// <summary>
    /// The selections sent under a generated alias that the gateway renames back in the answer
    /// before merging it (and in the paths of its errors), deepest first; empty when none.
    /// </summary>
    public IReadOnlyList<AliasRename> Renames { get; init; } = [];

    /// <summary>The <c>@inaccessible</c> fields the representations carry, which an error must not name.</summary>
    public IReadOnlySet<string> UnnamedFields { get; init; } = new HashSet<string>();

    /// <summary>
    /// For an entity fetch of an interface by its key: per <c>__typename</c> an object may have here
    /// (the interface's and its implementations'), the interface whose requires fragment makes its
    /// representation, which carries the interface's name as <c>__typename</c> — the subgraph knows
    /// the interface as one entity (<c>@interfaceObject</c>), or resolves it by the interface's key.
    /// A function of <see cref="Requires"/> and the schema, so <see cref="BatchKey"/> covers it. Null when none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? TypenameRewrites { get; init; }

    /// <summary>The Boolean default values of the variables the fetch uses, for deciding its <c>@skip</c>/<c>@include</c> when a request leaves one out.</summary>
    public IReadOnlyDictionary<string, bool> BooleanDefaults { get; init; } = new Dictionary<string, bool>();

    /// <summary>
    /// Entity fetches with the same key select the same from the same subgraph: side by side in
    /// a <see cref="ParallelNode"/> they go to the subgraph as one request.
    /// </summary>
    public string BatchKey { get; } = Subgraph + "\n" + (Requires is null ? "" : Printer.Print(Requires)) + "\n" + Printer.Print(Selection);
}

/// <summary>Children run one after the other; later ones see what earlier ones merged.</summary>
internal sealed record SequenceNode(IReadOnlyList<PlanNode> Nodes) : PlanNode;

/// <summary>Children run at the same time.</summary>
internal sealed record ParallelNode(IReadOnlyList<PlanNode> Nodes) : PlanNode;

/// <summary>
/// Runs <see cref="Node"/> for the objects found at <see cref="Path"/> in the merged result:
/// response names, with <c>@</c> where a list is walked into.
/// </summary>
internal sealed record FlattenNode(IReadOnlyList<string> Path, PlanNode Node) : PlanNode
{
    public string PathText => string.Join('.', Path);
}

/// <summary>
/// Runs <see cref="Node"/> only when a Boolean variable lets it: <c>Include(if: $v)</c> or
/// <c>Skip(if: $v)</c>, made when everything a fetch selects sits under that one condition, so
/// the subgraph is not asked for nothing. <see cref="Default"/> is the variable's default value.
/// </summary>
internal sealed record ConditionNode(string Variable, bool Include, bool Default, PlanNode Node) : PlanNode
{
    public bool Holds(IReadOnlyDictionary<string, object?>? variables)
    {
        var value = variables is not null && variables.TryGetValue(Variable, out var given) ? given is true : Default;
        return Include ? value : !value;
    }
}
