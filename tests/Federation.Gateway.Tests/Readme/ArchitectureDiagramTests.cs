using System.Text.RegularExpressions;

namespace Federation.Gateway.Tests.Readme;

/// <summary>
/// The README's Mermaid diagram, read line by line in the small part of Mermaid's flowchart syntax it
/// uses: a diagram type, subgraphs closed by <c>end</c>, node definitions with quoted labels, and edges
/// between nodes that are defined. A line of any other form fails, so a typo cannot hide in it.
/// </summary>
public sealed partial class ArchitectureDiagramTests
{
    [Fact]
    public void The_diagram_is_a_flowchart_whose_edges_join_defined_nodes()
    {
        var diagram = Assert.Single(ReadmeDocument.Committed.Fences("mermaid"));
        var lines = diagram.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("%%", StringComparison.Ordinal)).ToList();

        Assert.Matches(DiagramType(), lines[0]);
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<(string From, string To, int Line)>();
        var open = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Subgraph().Match(line) is { Success: true } subgraph)
            {
                Assert.True(defined.Add(subgraph.Groups["id"].Value), $"\"{subgraph.Groups["id"].Value}\" is defined twice.");
                open++;
            }
            else if (line == "end")
            {
                open--;
                Assert.True(open >= 0, $"Line {i + 1}: an end without a subgraph.");
            }
            else if (Direction().IsMatch(line))
            {
                Assert.True(open > 0, $"Line {i + 1}: a direction outside a subgraph.");
            }
            else if (Node().Match(line) is { Success: true } node)
            {
                Assert.True(defined.Add(node.Groups["id"].Value), $"\"{node.Groups["id"].Value}\" is defined twice.");
            }
            else if (Edge().Match(line) is { Success: true } edge)
            {
                edges.Add((edge.Groups["from"].Value, edge.Groups["to"].Value, i + 1));
            }
            else
            {
                Assert.Fail($"Line {i + 1} of the diagram is no subgraph, end, node or edge: {line}");
            }
        }

        Assert.Equal(0, open);
        Assert.NotEmpty(edges);
        Assert.All(edges, edge => Assert.True(defined.Contains(edge.From) && defined.Contains(edge.To), $"Line {edge.Line}: an edge between {edge.From} and {edge.To}, not both defined."));
        var joined = edges.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var alone = defined.Where(id => !joined.Contains(id) && !IsSubgraph(diagram, id)).ToList();
        Assert.True(alone.Count == 0, "Nodes no edge joins: " + string.Join(", ", alone));
    }

    [Fact]
    public void The_diagram_shows_the_pipeline_the_subgraphs_and_the_stores()
    {
        var diagram = Assert.Single(ReadmeDocument.Committed.Fences("mermaid"));

        foreach (var part in new[] { "admit", "authorize", "plan", "fetch", "shape", "record", "population", "legal-persons", "spatial", "licences", "Redis", "PostgreSQL", "audit spool", "catalogue" })
        {
            Assert.Contains(part, diagram, StringComparison.Ordinal);
        }
    }

    private static bool IsSubgraph(string diagram, string id) => diagram.Contains($"subgraph {id}", StringComparison.Ordinal);

    [GeneratedRegex(@"^(flowchart|graph) (TB|TD|BT|LR|RL)$")]
    private static partial Regex DiagramType();

    [GeneratedRegex(@"^subgraph (?<id>[A-Za-z][\w-]*)(\[""[^""]*""\])?$")]
    private static partial Regex Subgraph();

    [GeneratedRegex(@"^direction (TB|TD|BT|LR|RL)$")]
    private static partial Regex Direction();

    /// <summary>A node: an id and a quoted label in one of the shapes the diagram uses (box, cylinder, rounded).</summary>
    [GeneratedRegex(@"^(?<id>[A-Za-z][\w-]*)(\[""[^""]*""\]|\[\(""[^""]*""\)\]|\(""[^""]*""\))$")]
    private static partial Regex Node();

    /// <summary>An edge: solid, dotted, thick or both ways, with an optional quoted label.</summary>
    [GeneratedRegex(@"^(?<from>[A-Za-z][\w-]*) (-->|<-->|-\.->|-\.-|---|==>)(\|""[^""]*""\|)? (?<to>[A-Za-z][\w-]*)$")]
    private static partial Regex Edge();
}
