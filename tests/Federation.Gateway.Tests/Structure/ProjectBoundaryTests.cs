using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Federation.Gateway.Hosting;

namespace Federation.Gateway.Tests.Structure;

/// <summary>
/// What a gateway image carries and who may see whose internals, read from the built assembly and
/// from the project files of the repository: the gateway is built from the gateway, the federation
/// protocol, storage and the GraphQL engine — never from an agency's subgraph or the demo data — and
/// a deployable project shares a contract through a project of its own, not through
/// <c>InternalsVisibleTo</c> into another deployable.
/// </summary>
public sealed partial class ProjectBoundaryTests
{
    private const string SubgraphPrefix = "Federation.Subgraphs.";

    [Fact]
    public void The_gateway_assembly_references_no_subgraph_assembly()
    {
        var gateway = typeof(GatewayService).Assembly;

        var referenced = gateway.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Federation.Protocol", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith(SubgraphPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name == "Federation.Host");
    }

    [Fact]
    public void The_gateway_project_references_no_subgraph_project_directly_or_through_another()
    {
        // Metadata lists only the assemblies whose types are used; the build copies every referenced project.
        var reached = ProjectClosure(Path.Combine(Repository.Root, "gateway", "Federation.Gateway", "Federation.Gateway.csproj"));

        Assert.Contains(reached, path => path.EndsWith("Federation.Protocol.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain(reached, path => Path.GetFileName(path).StartsWith(SubgraphPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(reached, path => Path.GetRelativePath(Repository.Root, path).StartsWith("subgraphs", StringComparison.Ordinal));
        Assert.DoesNotContain(reached, path => path.EndsWith("Federation.Host.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void No_deployable_project_lets_another_deployable_see_its_internals()
    {
        var deployables = DeployableProjects().ToList();
        Assert.Contains(deployables, path => path.EndsWith("Federation.Gateway.csproj", StringComparison.Ordinal));
        var deployableNames = deployables.Select(AssemblyName).ToHashSet(StringComparer.Ordinal);
        var testNames = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains("node_modules", StringComparison.Ordinal))
            .Select(AssemblyName)
            .ToHashSet(StringComparer.Ordinal);

        var crossings = new List<string>();
        foreach (var project in deployables)
        {
            foreach (var friend in Friends(project))
            {
                if (deployableNames.Contains(friend) || !testNames.Contains(friend))
                {
                    crossings.Add($"{AssemblyName(project)} → {friend}");
                }
            }
        }

        Assert.Empty(crossings);
    }

    /// <summary>Every project outside <c>tests/</c>: the services, the host and the libraries they are built from.</summary>
    private static IEnumerable<string> DeployableProjects() =>
        new[] { "gateway", "graphql", "subgraphs" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.csproj", SearchOption.AllDirectories));

    /// <summary>The assemblies a project lets see its internals: <c>InternalsVisibleTo</c> items and attributes in its sources.</summary>
    private static IEnumerable<string> Friends(string project)
    {
        foreach (var item in XDocument.Load(project).Descendants("InternalsVisibleTo"))
        {
            yield return (string)item.Attribute("Include")!;
        }

        var directory = Path.GetDirectoryName(project)!;
        foreach (var source in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, source);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match attribute in InternalsVisibleToAttribute().Matches(File.ReadAllText(source)))
            {
                yield return attribute.Groups["name"].Value;
            }
        }
    }

    private static string AssemblyName(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
            ?? Path.GetFileNameWithoutExtension(project);

    /// <summary>The project files <paramref name="project"/> references, directly or through those it references.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                var include = ((string)reference.Attribute("Include")!).Replace('\\', '/');
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include));
                if (reached.Add(path))
                {
                    pending.Push(path);
                }
            }
        }

        return reached;
    }

    [GeneratedRegex(@"InternalsVisibleTo\(\s*""(?<name>[^"",]+)")]
    private static partial Regex InternalsVisibleToAttribute();
}
