using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.AspNetCore.Limits;

/// <summary>
/// Finds a use of <c>__schema</c> or <c>__type</c> in an operation (through its fragments), for
/// endpoints where introspection is switched off. <c>__typename</c> stays allowed: clients need it.
/// </summary>
internal static class IntrospectionGate
{
    public static FieldNode? FindIntrospection(DocumentNode document, OperationDefinitionNode operation)
    {
        Dictionary<string, FragmentDefinitionNode>? fragments = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                (fragments ??= [])[fragment.Name.Value] = fragment;
            }
        }

        var visited = new HashSet<string>();
        return Find(operation.SelectionSet, fragments, visited);
    }

    private static FieldNode? Find(SelectionSetNode set, Dictionary<string, FragmentDefinitionNode>? fragments, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            var found = selection switch
            {
                FieldNode { Name.Value: "__schema" or "__type" } field => field,
                FieldNode { SelectionSet: { } inner } => Find(inner, fragments, visited),
                InlineFragmentNode inline => Find(inline.SelectionSet, fragments, visited),
                FragmentSpreadNode spread when fragments is not null && visited.Add(spread.Name.Value)
                    && fragments.TryGetValue(spread.Name.Value, out var fragment) => Find(fragment.SelectionSet, fragments, visited),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
