using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation;

/// <summary>
/// What every rule can ask while a document is validated: the document, its fragments, the
/// spreads and fragments reachable from a selection, and where to report errors
/// (graphql-js's <c>ASTValidationContext</c>).
/// </summary>
internal abstract class AstValidationContext(DocumentNode document, Action<GraphQLError> onError)
{
    /// <summary>graphql-js's budget for fragment bookkeeping, so that a hostile document cannot make validation quadratic.</summary>
    private int remainingFragmentWork = 50_000;
    private Dictionary<string, FragmentDefinitionNode>? fragments;
    private readonly Dictionary<SelectionSetNode, List<FragmentSpreadNode>> spreadsBySelectionSet = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<FragmentDefinitionNode>> referencedFragmentsByNames = [];

    public DocumentNode Document { get; } = document;

    /// <summary>The schema the document is checked against; for SDL, the schema being extended, if any.</summary>
    public abstract Schema? SchemaOrNull { get; }

    public bool HideSuggestions { get; init; }

    /// <summary>The nodes from the document down to the parent of the node being visited.</summary>
    public IReadOnlyList<SyntaxNode> Ancestors { get; internal set; } = [];

    public void ReportError(GraphQLError error) => onError(error);

    /// <summary>The request's cancellation (its time limit, the client going away), looked at as the work grows.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Nodes visited and comparisons made: what tests bound by the document's size, so that a
    /// rule that follows spreads without memoizing shows up as a number, not as a slow test.
    /// </summary>
    public long Work { get; private set; }

    private long nextCancellationCheck = CancellationStride;

    private const long CancellationStride = 1024;

    /// <summary>Counts work; throws <see cref="OperationCanceledException"/> once the request is cancelled.</summary>
    public void CountWork(int amount = 1)
    {
        Work += amount;
        if (Work >= nextCancellationCheck)
        {
            nextCancellationCheck = Work + CancellationStride;
            CancellationToken.ThrowIfCancellationRequested();
        }
    }

    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (fragments is null)
        {
            fragments = [];
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    fragments[fragment.Name.Value] = fragment;
                }
            }
        }

        return fragments.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>The fragment spreads in a selection set, nested fields and inline fragments included, not following spreads.</summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (spreadsBySelectionSet.TryGetValue(selectionSet, out var spreads))
        {
            return spreads;
        }

        spreads = [];
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSelections }:
                        setsToVisit.Push(fieldSelections);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        spreadsBySelectionSet[selectionSet] = spreads;
        return spreads;
    }

    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation) =>
        GetRecursivelyReferencedFragments([operation]);

    /// <summary>Every fragment reachable from the operations through spreads, in discovery order.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(IReadOnlyList<OperationDefinitionNode> operations)
    {
        var names = new List<string>();
        var seen = new HashSet<string>();
        foreach (var operation in operations)
        {
            foreach (var spread in GetFragmentSpreads(operation.SelectionSet))
            {
                if (seen.Add(spread.Name.Value))
                {
                    names.Add(spread.Name.Value);
                }
            }
        }

        var sorted = names.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var key = string.Join(',', sorted);
        if (referencedFragmentsByNames.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = new List<FragmentDefinitionNode>();
        SpendFragmentWork(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (GetFragment(names[i]) is { } fragment)
            {
                result.Add(fragment);
                var spreads = GetFragmentSpreads(fragment.SelectionSet);
                SpendFragmentWork(spreads.Count);
                foreach (var spread in spreads)
                {
                    if (seen.Add(spread.Name.Value))
                    {
                        names.Add(spread.Name.Value);
                    }
                }
            }
        }

        referencedFragmentsByNames[key] = result;
        return result;
    }

    /// <summary>Aborts validation with graphql-js's "Validation aborted." once the fragment work budget is spent.</summary>
    public void SpendFragmentWork(int cost)
    {
        CountWork(cost);
        remainingFragmentWork -= cost;
        if (remainingFragmentWork < 0)
        {
            throw new ValidationAbortedException();
        }
    }
}

/// <summary>The context of executable validation: the schema, and the walk's <see cref="Validation.TypeInfo"/>.</summary>
internal sealed class ValidationContext(Schema schema, DocumentNode document, TypeInfo typeInfo, Action<GraphQLError> onError)
    : AstValidationContext(document, onError)
{
    private readonly Dictionary<SyntaxNode, List<VariableUsage>> usagesByNode = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, List<VariableUsage>> recursiveUsages = new(ReferenceEqualityComparer.Instance);

    public Schema Schema { get; } = schema;

    public override Schema? SchemaOrNull => Schema;

    public TypeInfo TypeInfo { get; } = typeInfo;

    public GraphQLType? Type => TypeInfo.Type;

    public NamedType? ParentType => TypeInfo.ParentType;

    public GraphQLType? InputType => TypeInfo.InputType;

    public GraphQLType? ParentInputType => TypeInfo.ParentInputType;

    public OutputField? FieldDef => TypeInfo.FieldDef;

    public DirectiveDefinition? Directive => TypeInfo.Directive;

    public InputValue? Argument => TypeInfo.Argument;

    /// <summary>The variables used in an operation or fragment (not following spreads), with the type each position expects.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (!usagesByNode.TryGetValue(node, out var usages))
        {
            usages = VariableUsageCollector.Collect(Schema, node);
            usagesByNode[node] = usages;
        }

        return usages;
    }

    /// <summary>The variables used in an operation and in every fragment it reaches.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (recursiveUsages.TryGetValue(operation, out var usages))
        {
            return usages;
        }

        var fragments = GetRecursivelyReferencedFragments(operation);
        if (!recursiveUsages.TryGetValue(fragments, out var fragmentUsages))
        {
            SpendFragmentWork(fragments.Count);
            fragmentUsages = [];
            foreach (var fragment in fragments)
            {
                var local = GetVariableUsages(fragment);
                SpendFragmentWork(local.Count);
                fragmentUsages.AddRange(local);
            }

            recursiveUsages[fragments] = fragmentUsages;
        }

        SpendFragmentWork(fragmentUsages.Count);
        usages = [.. GetVariableUsages(operation), .. fragmentUsages];
        recursiveUsages[operation] = usages;
        return usages;
    }
}

/// <summary>The context of SDL validation: the document and, when extending, the schema it extends.</summary>
internal sealed class SdlValidationContext(DocumentNode document, Schema? schema, Action<GraphQLError> onError)
    : AstValidationContext(document, onError)
{
    public override Schema? SchemaOrNull { get; } = schema;
}

/// <summary>A variable in a value position, with the input type expected there and the default that applies, if any.</summary>
internal readonly record struct VariableUsage(VariableNode Node, GraphQLType? Type, GraphQLType? ParentType, InputValue? DefaultValueOwner)
{
    public bool HasLocationDefaultValue => DefaultValueOwner?.HasDefaultValue == true;
}

/// <summary>Thrown to stop validation early; reported as the last error, as graphql-js does.</summary>
internal sealed class ValidationAbortedException(string message = "Validation aborted.") : Exception(message);

/// <summary>Finds the variables in a definition with a TypeInfo of its own, skipping variable definitions.</summary>
internal sealed class VariableUsageCollector : SyntaxWalker
{
    private readonly TypeInfo typeInfo;
    private readonly List<VariableUsage> usages = [];

    private VariableUsageCollector(Schema schema) => typeInfo = new TypeInfo(schema);

    public static List<VariableUsage> Collect(Schema schema, ExecutableDefinitionNode node)
    {
        var collector = new VariableUsageCollector(schema);
        collector.Walk(node);
        return collector.usages;
    }

    protected override bool OnEnter(SyntaxNode node)
    {
        if (node is VariableDefinitionNode)
        {
            return false;
        }

        typeInfo.Enter(node);
        if (node is VariableNode variable)
        {
            usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.ParentInputType, typeInfo.DefaultValueOwner));
        }

        return true;
    }

    protected override void OnLeave(SyntaxNode node)
    {
        if (node is not VariableDefinitionNode)
        {
            typeInfo.Leave(node);
        }
    }
}
