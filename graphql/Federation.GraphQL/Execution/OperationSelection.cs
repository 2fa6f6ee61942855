using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Execution;

/// <summary>
/// GetOperation: https://spec.graphql.org/September2025/#GetOperation() — the operation of a
/// document to run, by name or as its only one, with the document's fragments by name. The
/// executor runs it for every request; a stage that walks or rewrites a document before it is
/// executed (a gateway's planner or authorization, say) finds the same operation with it.
/// </summary>
public static class OperationSelection
{
    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> NoFragments =
        new Dictionary<string, FragmentDefinitionNode>();

    /// <returns>The operation; null, with <paramref name="error"/> saying why, when the document has none by that name or several and no name was given.</returns>
    public static OperationDefinitionNode? Get(
        DocumentNode document,
        string? operationName,
        out IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        out GraphQLError? error)
    {
        ArgumentNullException.ThrowIfNull(document);
        OperationDefinitionNode? operation = null;
        Dictionary<string, FragmentDefinitionNode>? byName = null;
        error = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode candidate:
                    if (operationName is null)
                    {
                        if (operation is not null)
                        {
                            fragments = NoFragments;
                            error = new GraphQLError("Must provide operation name if query contains multiple operations.");
                            return null;
                        }

                        operation = candidate;
                    }
                    else if (candidate.Name?.Value == operationName)
                    {
                        operation = candidate;
                    }

                    break;
                case FragmentDefinitionNode fragment:
                    (byName ??= new(StringComparer.Ordinal))[fragment.Name.Value] = fragment;
                    break;
            }
        }

        fragments = byName ?? NoFragments;
        if (operation is null)
        {
            error = new GraphQLError(operationName is null ? "Must provide an operation." : $"Unknown operation named \"{operationName}\".");
        }

        return operation;
    }
}
