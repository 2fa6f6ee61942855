using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Not in the specification: graphql-js 17's guard against introspection queries that nest
/// <c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c> or <c>inputFields</c> three levels deep,
/// which can make a response explode in size.
/// </summary>
internal sealed class MaxIntrospectionDepthRule(AstValidationContext context) : RuleVisitor
{
    private const int MaxListsDepth = 3;

    private readonly Dictionary<string, int> checkedFragments = [];
    private readonly Dictionary<string, int> exceededFragments = [];

    public override bool EnterField(FieldNode node)
    {
        if (node.Name.Value is "__schema" or "__type" && ExceedsDepth(node, [], 0))
        {
            context.ReportError(new GraphQLError("Maximum introspection depth exceeded", node));
            return false;
        }

        return true;
    }

    private bool ExceedsDepth(SelectionNode node, Dictionary<string, int> visitedFragments, int depth)
    {
        context.CountWork();
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (exceededFragments.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
            {
                return true;
            }

            if ((visitedFragments.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
                || (checkedFragments.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
            {
                return false;
            }

            if (context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visitedFragments[name] = depth;
            if (SelectionsExceed(fragment.SelectionSet, visitedFragments, depth))
            {
                exceededFragments[name] = depth;
                return true;
            }

            checkedFragments[name] = depth;
            return false;
        }

        if (node is FieldNode field && field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields")
        {
            depth++;
            if (depth >= MaxListsDepth)
            {
                return true;
            }
        }

        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode inline => inline.SelectionSet,
            _ => null,
        };
        return selectionSet is not null && SelectionsExceed(selectionSet, visitedFragments, depth);
    }

    private bool SelectionsExceed(SelectionSetNode selectionSet, Dictionary<string, int> visitedFragments, int depth)
    {
        foreach (var child in selectionSet.Selections)
        {
            if (ExceedsDepth(child, visitedFragments, depth))
            {
                return true;
            }
        }

        return false;
    }
}
