using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Not in the September 2025 specification: the incremental delivery proposal's rule, kept because
/// graphql-js 17 runs it. "@defer and @stream are not allowed on the root fields of mutations and
/// subscriptions." It acts on directives named defer and stream whether or not the schema defines them.
/// https://github.com/graphql/graphql-spec/pull/742
/// </summary>
internal sealed class DeferStreamDirectiveOnRootFieldRule(ValidationContext context) : RuleVisitor
{
    private readonly HashSet<string> checkedFragments = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Operation == OperationType.Query || context.Schema.GetRootType(node.Operation) is not { } rootType)
        {
            return true;
        }

        var visited = new List<string>();
        var visitedSet = new HashSet<string>();
        if (Check(OperationNames.Of(node.Operation), rootType, node.SelectionSet, visited, visitedSet))
        {
            foreach (var name in visited)
            {
                checkedFragments.Add(name);
            }
        }

        return true;
    }

    private bool Check(string operation, ObjectType rootType, SelectionSetNode selectionSet, List<string> visited, HashSet<string> visitedSet)
    {
        var valid = true;
        context.CountWork(selectionSet.Selections.Count);
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (DirectiveNamed(field, "stream") is { } stream)
                    {
                        valid = false;
                        context.ReportError(new GraphQLError($"Stream directive cannot be used on root {operation} type \"{rootType.Name}\".", stream));
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!visitedSet.Add(name))
                    {
                        continue;
                    }

                    visited.Add(name);
                    if (context.GetFragment(name) is { } fragment)
                    {
                        if (DirectiveNamed(spread, "defer") is { } spreadDefer)
                        {
                            valid = false;
                            context.ReportError(new GraphQLError($"Defer directive cannot be used on root {operation} type \"{rootType.Name}\".", spreadDefer));
                        }

                        if (!checkedFragments.Contains(name))
                        {
                            valid = Check(operation, rootType, fragment.SelectionSet, visited, visitedSet) && valid;
                        }
                    }

                    break;
                case InlineFragmentNode inline:
                    if (DirectiveNamed(inline, "defer") is { } inlineDefer)
                    {
                        valid = false;
                        context.ReportError(new GraphQLError($"Defer directive cannot be used on root {operation} type \"{rootType.Name}\".", inlineDefer));
                    }

                    valid = Check(operation, rootType, inline.SelectionSet, visited, visitedSet) && valid;
                    break;
            }
        }

        return valid;
    }

    internal static DirectiveNode? DirectiveNamed(SelectionNode selection, string name)
    {
        foreach (var directive in selection.Directives)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }

        return null;
    }
}
