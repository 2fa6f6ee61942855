using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Platform;

/// <summary>
/// An operation separated into what the subgraphs answer and what the platform answers. The
/// platform's root fields are removed from <see cref="SubgraphDocument"/> — the document the
/// planner sees — wherever they are selected at the root: directly, in inline fragments, or in
/// fragments on the root type; they are resolved by their bound resolvers when the engine shapes
/// the response. <see cref="SubgraphDocument"/> holds that one operation and the fragments it
/// still spreads; it is null when no subgraph has anything to answer.
/// </summary>
internal sealed record PlatformSplit(DocumentNode? SubgraphDocument, GraphQLError? Error)
{
    public static PlatformSplit Of(PlatformGraph platform, DocumentNode document, string? operationName)
    {
        var operation = OperationSelection.Get(document, operationName, out var fragments, out _);
        return operation is null ? new PlatformSplit(document, null) : Of(platform, document, operation, fragments);
    }

    /// <summary>The split of <paramref name="operation"/>, already chosen from <paramref name="document"/> with its <paramref name="fragments"/>.</summary>
    public static PlatformSplit Of(PlatformGraph platform, DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        var root = operation is null ? null : RootTypeName(platform, operation.Operation);
        if (operation is null || root is null)
        {
            return new PlatformSplit(document, null);
        }

        var platformFields = new List<string>();
        var subgraphFields = new List<string>();
        RootFields(platform, root, operation.SelectionSet, fragments, [], platformFields, subgraphFields);
        if (platformFields.Count == 0)
        {
            return new PlatformSplit(document, null);
        }

        if (operation.Operation == OperationType.Mutation && subgraphFields.Count > 0)
        {
            return new PlatformSplit(null, PlatformErrorCodes.MixedMutationFields(platformFields, subgraphFields));
        }

        if (subgraphFields.Count == 0)
        {
            return new PlatformSplit(null, null);
        }

        // The planner gets the operation and the fragments it still spreads: fragments on the
        // platform's types, spread only under its fields, would name types the planner does not know.
        var stripper = new Stripper(platform, root, fragments);
        var stripped = operation with { SelectionSet = stripper.Strip(operation.SelectionSet) };
        var definitions = new List<DefinitionNode> { stripped };
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SelectionSetNode>();
        pending.Push(stripped.SelectionSet);
        while (pending.TryPop(out var selections))
        {
            foreach (var name in Spreads(selections))
            {
                if (kept.Add(name) && fragments.TryGetValue(name, out var fragment))
                {
                    var planned = fragment.TypeCondition.Name.Value == root ? fragment with { SelectionSet = stripper.Strip(fragment.SelectionSet) } : fragment;
                    definitions.Add(planned);
                    pending.Push(planned.SelectionSet);
                }
            }
        }

        return new PlatformSplit(new DocumentNode(definitions), null);
    }

    private static string? RootTypeName(PlatformGraph platform, OperationType operation) => operation switch
    {
        OperationType.Query => platform.Schema.QueryType?.Name,
        OperationType.Mutation => platform.Schema.MutationType?.Name,
        _ => null,
    };

    /// <summary>The root fields an operation selects, through fragments, sorted into the platform's and the subgraphs' (<c>__typename</c> is neither).</summary>
    private static void RootFields(
        PlatformGraph platform,
        string root,
        SelectionSetNode selections,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        HashSet<string> visited,
        List<string> platformFields,
        List<string> subgraphFields)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldNode field when field.Name.Value == "__typename":
                    break;
                case FieldNode field:
                    (platform.IsRootField(root, field.Name.Value) ? platformFields : subgraphFields).Add(field.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    RootFields(platform, root, inline.SelectionSet, fragments, visited, platformFields, subgraphFields);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name.Value) && fragments.TryGetValue(spread.Name.Value, out var fragment):
                    RootFields(platform, root, fragment.SelectionSet, fragments, visited, platformFields, subgraphFields);
                    break;
            }
        }
    }

    /// <summary>The names of the fragments spread in <paramref name="selections"/>, at any depth.</summary>
    private static IEnumerable<string> Spreads(SelectionSetNode selections)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FragmentSpreadNode spread:
                    yield return spread.Name.Value;
                    break;
                case InlineFragmentNode inline:
                    foreach (var name in Spreads(inline.SelectionSet))
                    {
                        yield return name;
                    }

                    break;
                case FieldNode { SelectionSet: { } inner }:
                    foreach (var name in Spreads(inner))
                    {
                        yield return name;
                    }

                    break;
            }
        }
    }

    /// <summary>Removes the platform's root fields, then the fragments and spreads left with nothing to select.</summary>
    private sealed class Stripper(PlatformGraph platform, string root, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        private readonly Dictionary<string, bool> emptiness = new(StringComparer.Ordinal);

        public SelectionSetNode Strip(SelectionSetNode selections)
        {
            var kept = new List<SelectionNode>(selections.Selections.Count);
            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case FieldNode field when platform.IsRootField(root, field.Name.Value):
                        break;
                    case InlineFragmentNode inline:
                        var inner = Strip(inline.SelectionSet);
                        if (inner.Selections.Count > 0)
                        {
                            kept.Add(inline with { SelectionSet = inner });
                        }

                        break;
                    case FragmentSpreadNode spread when IsEmpty(spread.Name.Value):
                        break;
                    default:
                        kept.Add(selection);
                        break;
                }
            }

            return new SelectionSetNode(kept);
        }

        /// <summary>Whether a fragment on the root type selects nothing once the platform's fields are gone.</summary>
        private bool IsEmpty(string fragmentName)
        {
            if (emptiness.TryGetValue(fragmentName, out var empty))
            {
                return empty;
            }

            if (!fragments.TryGetValue(fragmentName, out var fragment) || fragment.TypeCondition.Name.Value != root)
            {
                return false;
            }

            // Validation has refused fragment cycles; the entry guards the walk all the same.
            emptiness[fragmentName] = false;
            empty = Strip(fragment.SelectionSet).Selections.Count == 0;
            emptiness[fragmentName] = empty;
            return empty;
        }
    }
}
