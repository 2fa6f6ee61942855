using System.Text.RegularExpressions;

namespace Federation.Gateway.Tests.Pipeline;

/// <summary>
/// The gateway's folders (one namespace each) as a graph of who imports whom, read from the
/// source: every <c>using Federation.Gateway.X</c> (plain, static, global or alias), every
/// qualified <c>Federation.Gateway.X.</c> and every <c>cref="X.</c> naming a folder. Stages meet
/// only in the request's context (<c>Requests/</c>), so the folders of the request path form no cycle.
/// </summary>
public sealed partial class NamespaceCycleTests
{
    private static readonly string GatewayDirectory = Path.Combine(Repository.Root, "gateway", "Federation.Gateway");

    /// <summary>Every folder a request passes through, and the endpoint and pipeline that run it.</summary>
    private static readonly string[] RequestPath =
        ["Admission", "Authentication", "Authorization", "Planning", "Execution", "Shaping", "Record", "Platform", "Requests", "Pipeline", "Hosting"];

    /// <summary>
    /// The cycles that remain outside the request path, each named here so that a new one fails and a
    /// fixed one is struck off: Catalogue's coverage check reads the composed supergraph
    /// (<c>CatalogueCoverage</c>, <c>CatalogueFiles.Serve</c>), and Composition's supergraph carries its catalogue.
    /// </summary>
    private static readonly string[][] KnownCycles = [["Catalogue", "Composition"]];

    [Fact]
    public void The_folders_of_the_request_path_import_each_other_in_one_direction_only()
    {
        var cycles = Cycles(Imports());

        var onThePath = cycles.Where(cycle => cycle.Intersect(RequestPath).Any()).Select(Print).ToList();
        Assert.True(onThePath.Count == 0, "Namespace cycles on the request path: " + string.Join("; ", onThePath));
    }

    [Fact]
    public void The_only_cycles_among_all_the_gateway_folders_are_the_known_ones()
    {
        var cycles = Cycles(Imports());

        Assert.Equal(KnownCycles.Select(Print), cycles.Select(Print));
    }

    [Fact]
    public void The_reading_finds_every_kind_of_import_and_the_search_finds_a_cycle()
    {
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Read("Planning", "using Federation.Gateway.Requests;\nusing static Federation.Gateway.Platform.PlatformGraph;", imports);
        Read("Requests", "/// <see cref=\"Planning.QueryPlanCache\"/>\nclass A { }", imports);
        Read("Platform", "namespace Federation.Gateway.Platform;\nclass B { Federation.Gateway.Shaping.ShapeStage? s; }", imports);

        Assert.Equal(["Platform", "Requests"], imports["Planning"].Order(StringComparer.Ordinal));
        Assert.Equal(["Planning"], imports["Requests"]);
        Assert.Equal(["Shaping"], imports["Platform"]);
        Assert.Equal(["Planning ↔ Requests"], Cycles(imports).Select(Print));
    }

    private static Dictionary<string, HashSet<string>> Imports()
    {
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(GatewayDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(GatewayDirectory, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || relative[0] is "bin" or "obj")
            {
                continue;
            }

            Read(relative[0], File.ReadAllText(file), imports);
        }

        Assert.True(imports.Count >= RequestPath.Length, $"Read only {imports.Count} folders under {GatewayDirectory}.");
        return imports;
    }

    private static void Read(string folder, string source, Dictionary<string, HashSet<string>> imports)
    {
        if (!imports.TryGetValue(folder, out var of))
        {
            imports[folder] = of = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var line in source.Split('\n'))
        {
            if (line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in Qualified().Matches(line))
            {
                of.Add(match.Groups[1].Value);
            }

            foreach (Match match in Cref().Matches(line))
            {
                of.Add(match.Groups[1].Value);
            }
        }

        of.Remove(folder);
        of.Remove("Tests");
    }

    /// <summary>The strongly connected components of more than one folder (Tarjan), each sorted, in order.</summary>
    private static List<string[]> Cycles(Dictionary<string, HashSet<string>> imports)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<string[]>();
        foreach (var folder in imports.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Connect(folder);
            }
        }

        return [.. cycles.OrderBy(Print, StringComparer.Ordinal)];

        void Connect(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (var imported in imports.GetValueOrDefault(folder) ?? [])
            {
                if (!index.ContainsKey(imported))
                {
                    Connect(imported);
                    low[folder] = Math.Min(low[folder], low[imported]);
                }
                else if (stack.Contains(imported))
                {
                    low[folder] = Math.Min(low[folder], index[imported]);
                }
            }

            if (low[folder] != index[folder])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            }
            while (member != folder);
            if (component.Count > 1)
            {
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
            }
        }
    }

    private static string Print(string[] cycle) => string.Join(" ↔ ", cycle);

    [GeneratedRegex(@"\bFederation\.Gateway\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"cref=""(Admission|Authentication|Authorization|Catalogue|Composition|Execution|Hosting|Pipeline|Planning|Platform|Record|Requests|Shaping|Sharing)\.")]
    private static partial Regex Cref();
}
