using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

// Directives: the specs linked, the subgraph directives carried into the supergraph, executable directives.
internal sealed partial class SupergraphMerger
{
    private static readonly string[] BuiltInDirectives = ["deprecated", "specifiedBy", "oneOf"];

    /// <summary>
    /// The federation directives that composition carries into the supergraph (<c>@tag</c>,
    /// <c>@inaccessible</c>), linked only when some subgraph applies them, in the spec's order.
    /// </summary>
    private void LinkSpecs()
    {
        var specs = new Dictionary<string, (string Url, string? Purpose)>(StringComparer.Ordinal)
        {
            ["tag"] = ("https://specs.apollo.dev/tag/v0.3", null),
            ["inaccessible"] = ("https://specs.apollo.dev/inaccessible/v0.2", "SECURITY"),
        };

        // In subgraph order, and within a subgraph in the spec's order, as Apollo collects them.
        foreach (var subgraph in subgraphs)
        {
            foreach (var (specName, (url, purpose)) in specs)
            {
                if (!merged.Links.Exists(l => l.SpecName == specName) && AppliedLocalName(subgraph, specName) is { } localName)
                {
                    merged.Links.Add(new LinkedSpec(url, purpose, localName, specName));
                }
            }
        }
    }

    private static string? AppliedLocalName(SubgraphSchema subgraph, string specName)
    {
        foreach (var type in subgraph.Types)
        {
            var found = type.Directives.Select(d => d.Directive)
                .Concat(type.Fields.SelectMany(f => f.Directives.Concat(f.Arguments.SelectMany(a => a.Directives))))
                .Concat(type.Values.SelectMany(v => v.Directives))
                .FirstOrDefault(d => subgraph.IsFederation(d, specName));
            if (found is not null)
            {
                return found.Name.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Directives for clients (executable locations only) that every subgraph defines: the
    /// locations all share, repeatable if all say so, the arguments all declare.
    /// </summary>
    private void MergeExecutableDirectives()
    {
        var names = subgraphs.SelectMany(s => s.DirectiveDefinitions.Where(d => d.Locations.Any(IsExecutable)).Select(d => d.Name.Value)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            var sources = subgraphs.Select(s => s.DirectiveDefinitions.Find(d => d.Name.Value == name)).ToArray();
            if (sources.Any(s => s is null))
            {
                continue;
            }

            var locations = sources.Select(s => s!.Locations.Select(l => l.Value).Where(IsExecutable).Order(StringComparer.Ordinal).ToList())
                .Aggregate((common, next) => [.. common.Where(next.Contains)]);
            if (locations.Count == 0)
            {
                continue;
            }

            var directive = new MergedDirectiveDefinition(name)
            {
                Repeatable = sources.All(s => s!.Repeatable),
                Description = MergedDescription(sources.Select(s => s!.Description?.Value)),
            };
            directive.Locations.AddRange(locations);
            foreach (var argumentName in sources[0]!.Arguments.Select(a => a.Name.Value))
            {
                var arguments = sources.Select(s => s!.Arguments.FirstOrDefault(a => a.Name.Value == argumentName)).ToArray();
                if (arguments.Any(a => a is null))
                {
                    continue;
                }

                var argument = new MergedArgument("@" + name, argumentName)
                {
                    Description = MergedDescription(arguments.Select(a => a!.Description?.Value)),
                    DefaultValue = MergedDefault(arguments.Select(a => a!.DefaultValue)),
                };
                MergeTypeReference(arguments.Select(a => (TypeNode?)a!.Type).ToArray(), argument.Coordinate, isInput: true, out var type);
                argument.Type = type;
                directive.Arguments.Add(argument);
            }

            merged.Directives.Add(directive);
        }
    }

    private static bool IsExecutable(NameNode location) => IsExecutable(location.Value);

    private static bool IsExecutable(string location) =>
        location is "QUERY" or "MUTATION" or "SUBSCRIPTION" or "FIELD" or "FRAGMENT_DEFINITION" or "FRAGMENT_SPREAD" or "INLINE_FRAGMENT" or "VARIABLE_DEFINITION";

    private bool ApplyInaccessible(List<(string Name, List<DirectiveNode> Applications)> directives, List<string> target)
    {
        if (merged.InaccessibleName is not { } name || !directives.Exists(d => d.Name == name))
        {
            return false;
        }

        target.Add("@" + name);
        return true;
    }

    /// <summary>
    /// The carried directives other than <c>@inaccessible</c>: each distinct application of a
    /// repeatable one (<c>@tag</c>), the most common application of the others.
    /// </summary>
    private void ApplyOthers(List<(string Name, List<DirectiveNode> Applications)> directives, List<string> target)
    {
        foreach (var (name, applications) in directives)
        {
            if (name == merged.InaccessibleName)
            {
                continue;
            }

            var printed = applications.Select(a => "@" + name + SupergraphValues.PrintArguments(a.Arguments)).ToList();
            if (name == merged.Links.Find(l => l.SpecName == "tag")?.Name)
            {
                target.AddRange(printed.Distinct(StringComparer.Ordinal));
                continue;
            }

            var best = printed.GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
            target.Add(best);
        }
    }

    /// <summary>The subgraph directives an element carries into the supergraph, by name in first-seen order, with each subgraph's applications.</summary>
    private List<(string Name, List<DirectiveNode> Applications)> Directives(IEnumerable<List<DirectiveNode>?> perSubgraph)
    {
        var byName = new List<(string Name, List<DirectiveNode> Applications)>();
        var index = 0;
        foreach (var directives in perSubgraph)
        {
            var subgraph = subgraphs[index++];
            foreach (var directive in directives ?? [])
            {
                var spec = subgraph.SpecName(directive);
                var name = directive.Name.Value;
                var carried = spec is "tag" or "inaccessible" || (spec is null && Array.IndexOf(BuiltInDirectives, name) >= 0);
                if (!carried)
                {
                    continue;
                }

                var supergraphName = spec switch
                {
                    "inaccessible" => merged.InaccessibleName ?? name,
                    "tag" => merged.Links.Find(l => l.SpecName == "tag")?.Name ?? name,
                    _ => name,
                };
                var entry = byName.Find(e => e.Name == supergraphName);
                if (entry.Name is null)
                {
                    entry = (supergraphName, []);
                    byName.Add(entry);
                }

                entry.Applications.Add(directive);
            }
        }

        return byName;
    }
}
