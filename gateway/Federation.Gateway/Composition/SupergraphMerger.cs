using System.Text;
using Federation.GraphQL.Language.Syntax;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Composition;

/// <summary>
/// Merges subgraphs into the supergraph as Apollo's <c>Merger</c> (<c>@apollo/composition</c>
/// <c>merging/merge.ts</c>) does, in the same order so the printed supergraph is the same: types
/// by kind (implementations, unions, then scalars, inputs, interfaces, objects, and enums last, once
/// their use as inputs or outputs is known), fields in subgraph order, join directives first and the
/// other merged directives (<c>@tag</c>, <c>@deprecated</c>, <c>@specifiedBy</c>) after them.
/// What does not fit is left for the rules to report; the merger only builds.
/// </summary>
internal sealed class SupergraphMerger
{
    private static readonly string[] BuiltInDirectives = ["deprecated", "specifiedBy", "oneOf"];

    private readonly IReadOnlyList<SubgraphSchema> subgraphs;
    private readonly MergedSchema merged;

    private SupergraphMerger(IReadOnlyList<SubgraphSchema> subgraphs)
    {
        this.subgraphs = subgraphs;
        var federationMinor = subgraphs.Max(s => s.FederationMinor);
        merged = new MergedSchema(subgraphs, federationMinor >= 8 ? 5 : federationMinor >= 7 ? 4 : 3);
    }

    public static MergedSchema Merge(IReadOnlyList<SubgraphSchema> subgraphs)
    {
        var merger = new SupergraphMerger(subgraphs);
        merger.LinkSpecs();
        merger.AddTypesShallow();
        merger.MergeAll();
        return merger.merged;
    }

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

    private void AddTypesShallow()
    {
        for (var i = 0; i < subgraphs.Count; i++)
        {
            foreach (var type in subgraphs[i].Types)
            {
                if (!merged.Types.TryGetValue(type.Name, out var existing))
                {
                    merged.Types[type.Name] = existing = new MergedType(type.Name, type.Kind, new SubgraphType?[subgraphs.Count]);
                }

                if (existing.Kind == type.Kind)
                {
                    existing.Sources[i] = type;
                }
            }
        }
    }

    private void MergeAll()
    {
        var types = merged.Types.Values.ToList();
        foreach (var type in types.Where(t => t.Kind is TypeKind.Object))
        {
            MergeImplements(type);
        }

        foreach (var type in types.Where(t => t.Kind is TypeKind.Interface))
        {
            MergeImplements(type);
        }

        foreach (var type in types.Where(t => t.Kind == TypeKind.Union))
        {
            MergeType(type);
        }

        foreach (var kind in new[] { TypeKind.Scalar, TypeKind.InputObject, TypeKind.Interface, TypeKind.Object })
        {
            foreach (var type in types.Where(t => t.Kind == kind))
            {
                MergeType(type);
            }
        }

        MergeExecutableDirectives();
        foreach (var type in types.Where(t => t.Kind == TypeKind.Enum))
        {
            MergeType(type);
        }

        foreach (var type in types.Where(t => t.Kind is TypeKind.Object or TypeKind.Interface && t.Fields.Count == 0))
        {
            merged.Types.Remove(type.Name);
        }
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

    private void MergeImplements(MergedType type)
    {
        for (var i = 0; i < subgraphs.Count; i++)
        {
            foreach (var implemented in type.Sources[i]?.Interfaces ?? [])
            {
                type.Directives.Add($"@join__implements(graph: {subgraphs[i].GraphName}, interface: {Quote(implemented)})");
                if (!type.Interfaces.Contains(implemented))
                {
                    type.Interfaces.Add(implemented);
                }
            }
        }
    }

    private void MergeType(MergedType type)
    {
        type.Description = MergedDescription(type.Sources.Select(s => s?.Description));
        AddJoinType(type);
        var typeDirectives = Directives(type.Sources.Select(s => s?.Directives.Select(d => d.Directive).ToList()));
        type.IsInaccessible = ApplyInaccessible(typeDirectives, type.Directives);
        switch (type.Kind)
        {
            case TypeKind.Union:
                MergeUnion(type);
                break;
            case TypeKind.Enum:
                MergeEnum(type);
                break;
            case TypeKind.InputObject:
                MergeInput(type);
                break;
            case TypeKind.Object or TypeKind.Interface:
                MergeFields(type);
                break;
        }

        ApplyOthers(typeDirectives, type.Directives);
    }

    private void AddJoinType(MergedType type)
    {
        for (var i = 0; i < subgraphs.Count; i++)
        {
            if (type.Sources[i] is not { } source)
            {
                continue;
            }

            var graph = subgraphs[i].GraphName;
            if (source.Keys.Count == 0)
            {
                type.Directives.Add($"@join__type(graph: {graph})");
                continue;
            }

            var extendsType = source.Has("extends");
            foreach (var key in source.Keys)
            {
                var text = new StringBuilder($"@join__type(graph: {graph}, key: {Quote(key.Fields)}");
                if (key.OfExtension || extendsType)
                {
                    text.Append(", extension: true");
                }

                if (ResolvableArgument(source, key) is { } resolvable)
                {
                    text.Append(", resolvable: ").Append(resolvable ? "true" : "false");
                }

                type.Directives.Add(text.Append(')').ToString());
            }
        }
    }

    /// <summary>The <c>resolvable:</c> argument as written (Apollo copies it only when given).</summary>
    private static bool? ResolvableArgument(SubgraphType source, SubgraphKey key)
    {
        foreach (var (directive, _) in source.Directives)
        {
            if (source.Subgraph.IsFederation(directive, "key")
                && FederationSpec.StringArgument(directive, "fields") == key.Fields
                && FederationSpec.Argument(directive, "resolvable") is BooleanValueNode resolvable)
            {
                return resolvable.Value;
            }
        }

        return null;
    }

    private void MergeUnion(MergedType type)
    {
        foreach (var source in type.Sources)
        {
            foreach (var member in source?.Members ?? [])
            {
                if (!type.Members.Contains(member))
                {
                    type.Members.Add(member);
                }
            }
        }

        foreach (var member in type.Members)
        {
            for (var i = 0; i < subgraphs.Count; i++)
            {
                if (type.Sources[i]?.Members.Contains(member) == true)
                {
                    type.Directives.Add($"@join__unionMember(graph: {subgraphs[i].GraphName}, member: {Quote(member)})");
                }
            }
        }
    }

    private void MergeEnum(MergedType type)
    {
        merged.EnumUsages.TryGetValue(type.Name, out var usage);
        var isInputOnly = usage is { InputExample: not null, OutputExample: null };
        var isBoth = usage is { InputExample: not null, OutputExample: not null };
        foreach (var source in type.Sources)
        {
            foreach (var value in source?.Values ?? [])
            {
                if (type.Values.Find(v => v.Name == value.Name) is null)
                {
                    type.Values.Add(new MergedEnumValue(value.Name));
                }
            }
        }

        foreach (var value in type.Values.ToList())
        {
            var valueSources = type.Sources.Select(s => s?.Values.Find(v => v.Name == value.Name)).ToArray();
            value.Description = MergedDescription(valueSources.Select(v => v?.Description));
            var directives = Directives(valueSources.Select(v => v?.Directives.ToList()));
            value.IsInaccessible = ApplyInaccessible(directives, value.Directives);
            for (var i = 0; i < subgraphs.Count; i++)
            {
                if (valueSources[i] is not null)
                {
                    value.Directives.Add($"@join__enumValue(graph: {subgraphs[i].GraphName})");
                }
            }

            ApplyOthers(directives, value.Directives);
            var missingSomewhere = type.Sources.Where((s, i) => s is not null && valueSources[i] is null).Any();
            if (!value.IsInaccessible && missingSomewhere && isInputOnly && !isBoth)
            {
                type.Values.Remove(value);
            }
        }
    }

    private void MergeInput(MergedType type)
    {
        foreach (var (field, sources) in FieldsShallow(type))
        {
            field.Description = MergedDescription(sources.Select(s => s?.Description));
            var directives = Directives(sources.Select(s => s?.Directives.ToList()));
            field.IsInaccessible = ApplyInaccessible(directives, field.Directives);
            field.AllTypesEqual = MergeTypeReference(sources, field.Coordinate, isInput: true, out var mergedType);
            field.Type = mergedType;
            field.DefaultValue = MergedDefault(sources.Where(s => s is not null).Select(s => s!.DefaultValue));
            AddJoinField(field, sources, type);
            ApplyOthers(directives, field.Directives);
            if (field.IsInaccessible || sources.Where((s, i) => type.Sources[i] is not null).All(s => s is not null))
            {
                type.Fields.Add(field);
            }
        }
    }

    private void MergeFields(MergedType type)
    {
        foreach (var (field, sources) in FieldsShallow(type))
        {
            type.Fields.Add(field);
            var defined = sources.Where(s => s is not null).ToList();
            if (defined.All(s => s!.IsExternal))
            {
                // Every subgraph says external: EXTERNAL_MISSING_ON_BASE; keep a type for printing.
                field.Type = defined[0]!.Type;
                continue;
            }

            var withoutExternal = sources.Select(s => s is { IsExternal: false } ? s : null).ToArray();
            field.Description = MergedDescription(withoutExternal.Select(s => s?.Description));
            var directives = Directives(withoutExternal.Select(s => s?.Directives.ToList()));
            field.IsInaccessible = ApplyInaccessible(directives, field.Directives);
            MergeArguments(field, withoutExternal);
            field.AllTypesEqual = MergeTypeReference(withoutExternal, field.Coordinate, isInput: false, out var mergedType);
            field.Type = mergedType;
            AddJoinField(field, sources, type);
            ApplyOthers(directives, field.Directives);
        }
    }

    /// <summary>Each field of the type in subgraph order, with its definition in each subgraph.</summary>
    private List<(MergedField Field, SubgraphField?[] Sources)> FieldsShallow(MergedType type)
    {
        var fields = new List<(MergedField, SubgraphField?[])>();
        for (var i = 0; i < subgraphs.Count; i++)
        {
            foreach (var field in type.Sources[i]?.Fields ?? [])
            {
                var entry = fields.Find(f => f.Item1.Name == field.Name);
                if (entry.Item1 is null)
                {
                    var sources = new SubgraphField?[subgraphs.Count];
                    entry = (new MergedField(type, field.Name, sources), sources);
                    fields.Add(entry);
                }

                entry.Item2[i] = field;
            }
        }

        return fields;
    }

    private void MergeArguments(MergedField field, SubgraphField?[] sources)
    {
        var names = new List<string>();
        foreach (var source in sources)
        {
            foreach (var argument in source?.Arguments ?? [])
            {
                if (!names.Contains(argument.Name))
                {
                    names.Add(argument.Name);
                }
            }
        }

        foreach (var name in names)
        {
            if (sources.Any(s => s is not null && s.Argument(name) is null))
            {
                // Optional arguments some subgraph lacks are left out; required ones are an error (rule).
                continue;
            }

            var argument = new MergedArgument(field.Coordinate, name);
            var argumentSources = sources.Select(s => s?.Argument(name)).ToArray();
            argument.Description = MergedDescription(argumentSources.Select(a => a?.Description));
            var directives = Directives(argumentSources.Select(a => a?.Directives.ToList()));
            argument.IsInaccessible = ApplyInaccessible(directives, argument.Directives);
            MergeTypeReference(argumentSources.Select(a => a?.Type).ToArray(), argument.Coordinate, isInput: true, out var type);
            argument.Type = type;
            argument.DefaultValue = MergedDefault(argumentSources.Where(a => a is not null).Select(a => a!.DefaultValue));
            ApplyOthers(directives, argument.Directives);
            field.Arguments.Add(argument);
        }
    }

    private bool MergeTypeReference(SubgraphField?[] sources, string coordinate, bool isInput, out TypeNode type) =>
        MergeTypeReference(sources.Select(s => s?.Type).ToArray(), coordinate, isInput, out type);

    /// <summary>
    /// The supergraph type of a field or argument: the common type, else for an output the most
    /// general of compatible types (<c>String</c> over <c>String!</c>, an interface over its
    /// implementation) and for an input the most specific. Records enum usage. False when the types differ.
    /// </summary>
    private bool MergeTypeReference(TypeNode?[] types, string coordinate, bool isInput, out TypeNode type)
    {
        TypeNode? result = null;
        var allEqual = true;
        foreach (var candidate in types)
        {
            if (candidate is null)
            {
                continue;
            }

            if (result is null || TypeReferences.Same(result, candidate))
            {
                result ??= candidate;
                continue;
            }

            allEqual = false;
            if (TypeReferences.IsStrictSubtype(merged, result, candidate))
            {
                if (isInput)
                {
                    result = candidate;
                }
            }
            else if (TypeReferences.IsStrictSubtype(merged, candidate, result) && !isInput)
            {
                result = candidate;
            }
        }

        type = result ?? new NamedTypeNode(new NameNode("String"));
        var named = FieldSets.NamedType(type);
        if (merged.Types.TryGetValue(named, out var target) && target.Kind == TypeKind.Enum)
        {
            if (!merged.EnumUsages.TryGetValue(named, out var usage))
            {
                merged.EnumUsages[named] = usage = new EnumUsage();
            }

            if (isInput)
            {
                usage.InputExample ??= coordinate;
            }
            else
            {
                usage.OutputExample ??= coordinate;
            }
        }

        return allEqual;
    }

    private void AddJoinField(MergedField field, SubgraphField?[] sources, MergedType type)
    {
        var overridden = OverriddenSubgraphs(sources);
        var needed = !field.AllTypesEqual
            || sources.Any(s => s?.OverrideLabel is not null)
            || overridden.Values.Any(used => used);
        for (var i = 0; i < subgraphs.Count && !needed; i++)
        {
            var source = sources[i];
            if (source is not null && !overridden.ContainsKey(i))
            {
                needed = source.IsExternal || source.Provides is not null || source.Requires is not null;
            }
            else
            {
                needed = type.Sources[i] is not null || subgraphs[i].Type(type.Name) is not null;
            }
        }

        if (!needed)
        {
            return;
        }

        for (var i = 0; i < subgraphs.Count; i++)
        {
            if (sources[i] is not { } source || (overridden.TryGetValue(i, out var used) && !used && !HasLabelledOverrideFrom(sources, i)))
            {
                continue;
            }

            var text = new StringBuilder($"@join__field(graph: {subgraphs[i].GraphName}");
            if (source.Requires is { } requires)
            {
                text.Append(", requires: ").Append(Quote(requires));
            }

            if (source.Provides is { } provides)
            {
                text.Append(", provides: ").Append(Quote(provides));
            }

            if (source.OverrideFrom is { } from)
            {
                text.Append(", override: ").Append(Quote(from));
            }

            if (!field.AllTypesEqual)
            {
                text.Append(", type: ").Append(Quote(TypeReferences.Print(source.Type)));
            }

            if (source.IsExternal)
            {
                text.Append(", external: true");
            }

            if (overridden.TryGetValue(i, out var isUsed) && isUsed)
            {
                text.Append(", usedOverridden: true");
            }

            if ((source.OverrideLabel ?? LabelOverriding(sources, i)) is { } label)
            {
                text.Append(", overrideLabel: ").Append(Quote(label));
            }

            field.Directives.Add(text.Append(')').ToString());
        }
    }

    /// <summary>The subgraphs whose field another subgraph's <c>@override(from:)</c> takes over, each with whether the field is still used there (by a key or a <c>@requires</c>).</summary>
    private Dictionary<int, bool> OverriddenSubgraphs(SubgraphField?[] sources)
    {
        var overridden = new Dictionary<int, bool>();
        foreach (var source in sources)
        {
            if (source?.OverrideFrom is not { } from || from == source.Parent.Subgraph.Name)
            {
                continue;
            }

            for (var i = 0; i < subgraphs.Count; i++)
            {
                if (subgraphs[i].Name == from && sources[i] is { } target && target.OverrideFrom is null)
                {
                    overridden[i] = target.IsUsed && !target.IsExternal;
                }
            }
        }

        return overridden;
    }

    private bool HasLabelledOverrideFrom(SubgraphField?[] sources, int overriddenIndex) => LabelOverriding(sources, overriddenIndex) is not null;

    /// <summary>The label of a progressive <c>@override</c> that takes the field over from the subgraph: both sides carry it.</summary>
    private string? LabelOverriding(SubgraphField?[] sources, int overriddenIndex) =>
        sources.FirstOrDefault(s => s?.OverrideLabel is not null && s.OverrideFrom == subgraphs[overriddenIndex].Name)?.OverrideLabel;

    /// <summary>The most common description (Apollo's rule); an empty one only when there is no other.</summary>
    private static string? MergedDescription(IEnumerable<string?> descriptions)
    {
        var seen = new List<string>();
        var counts = new List<int>();
        foreach (var description in descriptions)
        {
            if (description is null)
            {
                continue;
            }

            var index = seen.IndexOf(description);
            if (index < 0)
            {
                seen.Add(description);
                counts.Add(description.Length == 0 ? int.MinValue : 1);
            }
            else
            {
                counts[index]++;
            }
        }

        if (seen.Count == 0)
        {
            return null;
        }

        var nonEmpty = seen.Where(d => d.Length > 0).ToList();
        if (seen.Count == 1)
        {
            return seen[0];
        }

        if (nonEmpty.Count == 1)
        {
            return nonEmpty[0];
        }

        var best = 0;
        for (var i = 1; i < counts.Count; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return seen[best];
    }

    /// <summary>The default of the first subgraph that has one, unless another subgraph disagrees with a default of its own (a rule reports that).</summary>
    private static ValueNode? MergedDefault(IEnumerable<ValueNode?> defaults)
    {
        ValueNode? result = null;
        var seenSource = false;
        var inconsistent = false;
        var incompatible = false;
        foreach (var value in defaults)
        {
            if (result is null)
            {
                if (seenSource && value is not null)
                {
                    inconsistent = true;
                }

                result = value;
            }
            else if (!SupergraphValues.Equal(result, value))
            {
                inconsistent = true;
                incompatible |= value is not null;
            }

            seenSource = true;
        }

        return !inconsistent || incompatible ? result : null;
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

    internal static string Quote(string text) => SupergraphValues.Quote(text);
}
