using System.Text;
using Federation.GraphQL.Language;

namespace Federation.Gateway.Planning;

/// <summary>
/// Prints a plan the way Apollo Router prints its plans (<c>QueryPlan { Sequence { Fetch(service: …) … } }</c>):
/// two spaces per level, a comma after each node, selections as graphql-js prints them. The same
/// plan always prints the same text, so tests compare plans as text.
/// </summary>
internal static class QueryPlanPrinter
{
    private const string Indent = "  ";

    public static string Print(QueryPlan plan)
    {
        var text = new StringBuilder("QueryPlan {\n");
        if (plan.Root is { } root)
        {
            PrintNode(text, root, 1);
        }

        return text.Append('}').ToString();
    }

    private static void PrintNode(StringBuilder text, PlanNode node, int depth)
    {
        switch (node)
        {
            case FetchNode fetch:
                Line(text, depth, $"Fetch(service: \"{fetch.Subgraph}\") {{");
                if (fetch.Requires is { } requires)
                {
                    Block(text, depth + 1, Printer.Print(requires) + " =>");
                }

                Block(text, depth + 1, Printer.Print(fetch.Selection));
                Line(text, depth, "},");
                break;
            case SequenceNode sequence:
                Children(text, "Sequence {", sequence.Nodes, depth);
                break;
            case ParallelNode parallel:
                Children(text, "Parallel {", parallel.Nodes, depth);
                break;
            case ConditionNode condition:
                Children(text, $"{(condition.Include ? "Include" : "Skip")}(if: ${condition.Variable}) {{", [condition.Node], depth);
                break;
            case FlattenNode flatten:
                Children(text, $"Flatten(path: \"{flatten.PathText}\") {{", [flatten.Node], depth);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown plan node.");
        }
    }

    private static void Children(StringBuilder text, string opening, IReadOnlyList<PlanNode> nodes, int depth)
    {
        Line(text, depth, opening);
        foreach (var child in nodes)
        {
            PrintNode(text, child, depth + 1);
        }

        Line(text, depth, "},");
    }

    private static void Block(StringBuilder text, int depth, string lines)
    {
        foreach (var line in lines.Split('\n'))
        {
            Line(text, depth, line);
        }
    }

    private static void Line(StringBuilder text, int depth, string line)
    {
        for (var i = 0; i < depth; i++)
        {
            text.Append(Indent);
        }

        text.Append(line).Append('\n');
    }
}
