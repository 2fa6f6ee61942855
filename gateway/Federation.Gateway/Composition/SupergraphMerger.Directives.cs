using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

// Directives: the specs linked, the subgraph directives carried into the supergraph, executable directives.
internal sealed partial class SupergraphMerger
{
    private static readonly string[] BuiltInDirectives = ["deprecated", "specifiedBy", "oneOf"];

    /// <summary>
    /// The federation directives that composition carries into the supergraph (<c>@tag</c>,
    /// <c>@inaccessible</c>, the access-control ones), linked only when some subgraph applies them,
    /// in the spec's order.
    /// </summary>
    private void LinkSpecs()
    {
        var specs = new Dictionary<string, (string Url, string? Purpose)>(StringComparer.Ordinal)
        {
            ["tag"] = ("https://specs.apollo.dev/tag/v0.3", null),
            ["inaccessible"] = ("https://specs.apollo.dev/inaccessible/v0.2", "SECURITY"),
        };
        foreach (var (specName, url, _, _) in AccessControl.Specs)
        {
            specs[specName] = (url, "SECURITY");
        }

        specs["cost"] = (DemandControl.Url, null);
        specs["listSize"] = (DemandControl.Url, null);
        specs["cacheTag"] = (CacheTags.Url, "EXECUTION");

        // In subgraph order, and within a subgraph in the spec's order, as Apollo collects them.
        foreach (var subgraph in subgraphs)
        {
            foreach (var (specName, (url, purpose)) in specs)
            {
                if (!merged.Links.Exists(l => l.SpecName == specName) && AppliedLocalName(subgraph, specName) is { } localName)
                {
                    merged.Links.Add(new LinkedSpec(url, purpose, specName == "cacheTag" ? specName : localName, specName));
                }
            }
        }
    }

    /// <summary>
    /// The custom specs of <c>@composeDirective</c>: linked, and their directives defined as in the
    /// subgraph linking the latest version (Apollo's <c>mergeCustomCoreDirective</c>).
    /// </summary>
    private void AddComposedDirectives(IReadOnlyList<ComposedFeature> composed)
    {
        foreach (var feature in composed)
        {
            merged.ComposedFeatures.Add(feature);
            foreach (var (name, definition) in feature.Definitions)
            {
                var directive = new MergedDirectiveDefinition(name) { Repeatable = definition.Repeatable, Description = definition.Description?.Value };
                directive.Locations.AddRange(definition.Locations.Select(l => l.Value));
                foreach (var source in definition.Arguments)
                {
                    directive.Arguments.Add(new MergedArgument("@" + name, source.Name.Value)
                    {
                        Description = source.Description?.Value,
                        Type = source.Type,
                        DefaultValue = source.DefaultValue,
                    });
                }

                merged.Directives.Add(directive);
            }
        }
    }

    private bool IsRepeatableComposed(string name) =>
        merged.ComposedFeatures.Exists(f => f.Definitions.Exists(d => d.Name == name && d.Definition.Repeatable));

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
    /// repeatable one (<c>@tag</c>), the access-control ones merged so that every subgraph's
    /// requirement holds, the most common application of the others. Apollo puts the access-control
    /// ones first on fields and interfaces (<paramref name="accessControlFirst"/>).
    /// Returns what the access-control ones require.
    /// </summary>
    private AccessRequirements ApplyOthers(List<(string Name, List<DirectiveNode> Applications)> directives, List<string> target, bool accessControlFirst = false)
    {
        var access = AccessRequirements.None;
        var ordered = accessControlFirst
            ? directives.Where(d => AccessSpecOf(d.Name) is not null).OrderBy(d => merged.Links.FindIndex(l => l.Name == d.Name)).Concat(directives.Where(d => AccessSpecOf(d.Name) is null))
            : directives;
        foreach (var (name, applications) in ordered)
        {
            if (name == merged.InaccessibleName)
            {
                continue;
            }

            var printed = applications.Select(a => "@" + name + SupergraphValues.PrintArguments(a.Arguments)).ToList();
            if (name == merged.Links.Find(l => l.SpecName == "tag")?.Name || IsRepeatableComposed(name))
            {
                target.AddRange(printed.Distinct(StringComparer.Ordinal));
                continue;
            }

            if (merged.Links.Find(l => l.Name == name && DemandControl.IsDemandControl(l.SpecName)) is { } demand
                && printed.Distinct(StringComparer.Ordinal).Count() > 1)
            {
                target.Add(DemandControl.Merge(demand.SpecName, name, applications));
                continue;
            }

            if (AccessSpecOf(name) is { } spec)
            {
                access = access.And(ApplyAccessControl(name, spec, applications, printed, target));
                continue;
            }

            var best = printed.GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
            target.Add(best);
        }

        return access;
    }

    private string? AccessSpecOf(string supergraphName) =>
        merged.Links.Find(l => l.Name == supergraphName && AccessControl.IsAccessControl(l.SpecName))?.SpecName;

    /// <summary>One application as all subgraphs agree on it, else the conjunction of their requirements (Apollo's DNF_CONJUNCTION strategy).</summary>
    private static AccessRequirements ApplyAccessControl(string name, string spec, List<DirectiveNode> applications, List<string> printed, List<string> target)
    {
        if (AccessControl.ArgumentOf(spec) is not { } argument)
        {
            target.Add("@" + name);
            return new AccessRequirements(true, null, null);
        }

        var distinct = printed.Select((p, i) => (Printed: p, Application: applications[i])).DistinctBy(p => p.Printed, StringComparer.Ordinal).ToList();
        var requirement = distinct.Count == 1
            ? AccessControl.Requirement(distinct[0].Application, argument)
            : AccessControl.Conjunction(distinct.Select(d => AccessControl.Requirement(d.Application, argument)));
        target.Add(distinct.Count == 1 ? distinct[0].Printed : AccessControl.Print(name, argument, requirement));
        return spec == "requiresScopes" ? new AccessRequirements(false, requirement, null) : new AccessRequirements(false, null, requirement);
    }

    /// <summary>
    /// Apollo gives an interface, and each of its fields, the access-control directives that its
    /// implementations (in the supergraph) carry in any subgraph, so that reaching an object
    /// through its interface asks no less than reaching it directly.
    /// </summary>
    private void AddImplementationsAccessControl(List<(string Name, List<DirectiveNode> Applications)> directives, string interfaceName, string? fieldName)
    {
        foreach (var subgraph in subgraphs)
        {
            foreach (var type in subgraph.Types.Where(t => t.Kind == TypeKind.Object && merged.Type(t.Name) is { Kind: TypeKind.Object } m && m.Interfaces.Contains(interfaceName)))
            {
                var applied = fieldName is null
                    ? type.Directives.Select(d => d.Directive)
                    : type.Field(fieldName) is { IsExternal: false } field ? field.Directives : [];
                foreach (var directive in applied)
                {
                    if (subgraph.SpecName(directive) is { } spec && AccessControl.IsAccessControl(spec) && merged.Links.Find(l => l.SpecName == spec) is { } link)
                    {
                        var entry = directives.Find(e => e.Name == link.Name);
                        if (entry.Name is null)
                        {
                            entry = (link.Name, []);
                            directives.Add(entry);
                        }

                        entry.Applications.Add(directive);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The subgraph directives an element carries into the supergraph, by name in first-seen order, with each subgraph's applications.
    /// A directive composed by <c>@composeDirective</c> is carried where a subgraph composing it applies it, and there
    /// Apollo counts the applications of every subgraph, composing it or not.
    /// </summary>
    private List<(string Name, List<DirectiveNode> Applications)> Directives(IEnumerable<List<DirectiveNode>?> perSubgraph)
    {
        var seen = new List<(string Name, DirectiveNode Directive, bool Carried)>();
        var index = 0;
        foreach (var directives in perSubgraph)
        {
            var subgraph = subgraphs[index++];
            foreach (var directive in directives ?? [])
            {
                var spec = subgraph.SpecName(directive);
                var name = directive.Name.Value;
                var carried = spec is "tag" or "inaccessible" || AccessControl.IsAccessControl(spec) || DemandControl.IsDemandControl(spec) || (spec is null && (Array.IndexOf(BuiltInDirectives, name) >= 0 || subgraph.ComposedDirectiveNames.Contains(name)));
                if (!carried && !(spec is null && merged.ComposedFeatures.Exists(f => f.Definitions.Exists(d => d.Name == name))))
                {
                    continue;
                }

                var supergraphName = spec switch
                {
                    "inaccessible" => merged.InaccessibleName ?? name,
                    "tag" or "authenticated" or "requiresScopes" or "policy" or "cost" or "listSize" => merged.Links.Find(l => l.SpecName == spec)?.Name ?? name,
                    _ => name,
                };
                seen.Add((supergraphName, directive, carried));
            }
        }

        var byName = seen.Where(s => s.Carried).Select(s => s.Name).Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Applications: new List<DirectiveNode>())).ToList();
        foreach (var (name, directive, _) in seen)
        {
            byName.Find(e => e.Name == name).Applications?.Add(directive);
        }

        return byName;
    }
}
