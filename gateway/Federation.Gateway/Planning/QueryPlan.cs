using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Planning;

/// <summary>
/// How the gateway answers one operation: which subgraphs it asks, in what order and with what
/// selections. Plain data with a deterministic printer (<see cref="QueryPlanPrinter"/>), the shape
/// of Apollo Router's plans. A plan without a root fetches nothing (only <c>__typename</c> or
/// introspection at the root).
/// </summary>
public sealed record QueryPlan(OperationType Operation, PlanNode? Root)
{
    public override string ToString() => QueryPlanPrinter.Print(this);
}

/// <summary>A step of a plan.</summary>
public abstract record PlanNode;

/// <summary>
/// One request to one subgraph. <see cref="Requires"/> is null for a root fetch; for an entity
/// fetch it is the selection each representation is built from (<c>... on T { __typename key }</c>),
/// and <see cref="Selection"/> is what <c>_entities</c> selects.
/// </summary>
public sealed record FetchNode(
    string Subgraph,
    OperationType Operation,
    SelectionSetNode Selection,
    SelectionSetNode? Requires,
    IReadOnlyList<string> VariableUsages,
    string OperationText) : PlanNode
{
    public bool IsEntityFetch => Requires is not null;
}

/// <summary>Children run one after the other; later ones see what earlier ones merged.</summary>
public sealed record SequenceNode(IReadOnlyList<PlanNode> Nodes) : PlanNode;

/// <summary>Children run at the same time.</summary>
public sealed record ParallelNode(IReadOnlyList<PlanNode> Nodes) : PlanNode;

/// <summary>
/// Runs <see cref="Node"/> for the objects found at <see cref="Path"/> in the merged result:
/// response names, with <c>@</c> where a list is walked into.
/// </summary>
public sealed record FlattenNode(IReadOnlyList<string> Path, PlanNode Node) : PlanNode
{
    public string PathText => string.Join('.', Path);
}
