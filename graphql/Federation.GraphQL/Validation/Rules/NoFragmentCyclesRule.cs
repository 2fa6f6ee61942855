using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spreads Must Not Form Cycles: "For each fragmentDefinition in the document: Let visited
/// be the empty set. DetectFragmentCycles(fragmentDefinition, visited)" — no fragment may spread
/// itself, directly or through other fragments.
/// https://spec.graphql.org/September2025/#sec-Fragment-Spreads-Must-Not-Form-Cycles
/// </summary>
internal sealed class NoFragmentCyclesRule(AstValidationContext context) : RuleVisitor
{
    private readonly HashSet<string> visited = [];
    private readonly List<FragmentSpreadNode> spreadPath = [];
    private readonly Dictionary<string, int> spreadPathIndexByName = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node) => false;

    public override bool EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        DetectCycles(node);
        return false;
    }

    private void DetectCycles(FragmentDefinitionNode fragment)
    {
        var fragmentName = fragment.Name.Value;
        if (!visited.Add(fragmentName))
        {
            return;
        }

        var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        spreadPathIndexByName[fragmentName] = spreadPath.Count;
        context.CountWork(spreads.Count);
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            spreadPath.Add(spread);
            if (!spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (context.GetFragment(spreadName) is { } target)
                {
                    DetectCycles(target);
                }
            }
            else
            {
                var cycle = spreadPath.GetRange(cycleIndex, spreadPath.Count - cycleIndex);
                var via = string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => "\"" + s.Name.Value + "\""));
                context.ReportError(new GraphQLError(
                    $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length != 0 ? $" via {via}." : "."),
                    [.. cycle]));
            }

            spreadPath.RemoveAt(spreadPath.Count - 1);
        }

        spreadPathIndexByName.Remove(fragmentName);
    }
}
