using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Not in the September 2025 specification: the incremental delivery proposal's rule, kept because
/// graphql-js 17 runs it. "@defer and @stream are not supported on subscriptions unless switched
/// off with if: false", unless the selection can be skipped anyway.
/// https://github.com/graphql/graphql-spec/pull/742
/// </summary>
internal sealed class DeferStreamDirectiveOnValidOperationsRule(AstValidationContext context) : RuleVisitor
{
    private readonly HashSet<string> checkedFragments = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription)
        {
            return true;
        }

        var visited = new List<string>();
        var visitedSet = new HashSet<string>();
        if (Check(node.SelectionSet, [], visited, visitedSet))
        {
            foreach (var name in visited)
            {
                checkedFragments.Add(name);
            }
        }

        return true;
    }

    private bool Check(SelectionSetNode selectionSet, List<FragmentSpreadNode> parentSpreads, List<string> visited, HashSet<string> visitedSet)
    {
        var valid = true;
        context.CountWork(selectionSet.Selections.Count);
        foreach (var selection in selectionSet.Selections)
        {
            if (DeferStreamDirectiveOnRootFieldRule.DirectiveNamed(selection, "skip") is { } skip && CanBeSkippedBySkip(skip))
            {
                continue;
            }

            if (DeferStreamDirectiveOnRootFieldRule.DirectiveNamed(selection, "include") is { } include && CanBeSkippedByInclude(include))
            {
                continue;
            }

            foreach (var directive in selection.Directives)
            {
                var isDefer = directive.Name.Value == "defer";
                if ((isDefer || directive.Name.Value == "stream") && !IfCanBeFalse(directive))
                {
                    valid = false;
                    var nodes = new List<SyntaxNode> { directive };
                    for (var i = parentSpreads.Count - 1; i >= 0; i--)
                    {
                        nodes.Add(parentSpreads[i]);
                    }

                    context.ReportError(new GraphQLError(
                        isDefer
                            ? "Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`."
                            : "Stream directive not supported on subscription operations. Disable `@stream` by setting the `if` argument to `false`.",
                        [.. nodes]));
                }
            }

            switch (selection)
            {
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visitedSet.Contains(name) || checkedFragments.Contains(name))
                    {
                        continue;
                    }

                    visitedSet.Add(name);
                    visited.Add(name);
                    if (context.GetFragment(name) is { } fragment)
                    {
                        parentSpreads.Add(spread);
                        valid = Check(fragment.SelectionSet, parentSpreads, visited, visitedSet) && valid;
                        parentSpreads.RemoveAt(parentSpreads.Count - 1);
                    }

                    break;
                case FieldNode { SelectionSet: { } fieldSelections }:
                    valid = Check(fieldSelections, parentSpreads, visited, visitedSet) && valid;
                    break;
                case InlineFragmentNode inline:
                    valid = Check(inline.SelectionSet, parentSpreads, visited, visitedSet) && valid;
                    break;
            }
        }

        return valid;
    }

    private static ValueNode? IfArgument(DirectiveNode directive)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == "if")
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IfCanBeFalse(DirectiveNode directive) => IfArgument(directive) switch
    {
        null => false,
        BooleanValueNode boolean => !boolean.Value,
        VariableNode => true,
        _ => false,
    };

    private static bool CanBeSkippedBySkip(DirectiveNode skip) => IfArgument(skip) switch
    {
        null => true,
        BooleanValueNode boolean => boolean.Value,
        _ => true,
    };

    private static bool CanBeSkippedByInclude(DirectiveNode include) => IfArgument(include) switch
    {
        null => false,
        BooleanValueNode boolean => !boolean.Value,
        _ => true,
    };
}
