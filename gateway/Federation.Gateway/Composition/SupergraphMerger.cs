using System.Text;
using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// Merges subgraphs into the supergraph as Apollo's <c>Merger</c> (<c>@apollo/composition</c>
/// <c>merging/merge.ts</c>) does, in the same order so the printed supergraph is the same: types
/// by kind (implementations, unions, then scalars, inputs, interfaces, objects, and enums last, once
/// their use as inputs or outputs is known), fields in subgraph order, join directives first and the
/// other merged directives (<c>@tag</c>, <c>@deprecated</c>, <c>@specifiedBy</c>) after them.
/// What does not fit is left for the rules to report; the merger only builds.
/// </summary>
internal sealed partial class SupergraphMerger
{
    private readonly IReadOnlyList<SubgraphSchema> subgraphs;

    private readonly MergedSchema merged;

    private SupergraphMerger(IReadOnlyList<SubgraphSchema> subgraphs)
    {
        this.subgraphs = subgraphs;
        var federationMinor = subgraphs.Max(s => s.FederationMinor);
        merged = new MergedSchema(subgraphs, federationMinor >= 8 ? 5 : federationMinor >= 7 ? 4 : 3);
    }

    public static MergedSchema Merge(IReadOnlyList<SubgraphSchema> subgraphs, IReadOnlyList<ComposedFeature>? composed = null)
    {
        var merger = new SupergraphMerger(subgraphs);
        merger.LinkSpecs();
        merger.AddComposedDirectives(composed ?? []);
        merger.AddTypesShallow();
        merger.MergeAll();
        return merger.merged;
    }

    private void AddTypesShallow()
    {
        for (var i = 0; i < subgraphs.Count; i++)
        {
            foreach (var type in subgraphs[i].Types)
            {
                if (!merged.Types.TryGetValue(type.Name, out var existing))
                {
                    merged.Types[type.Name] = existing = new MergedType(type.Name, type.MergedKind, new SubgraphType?[subgraphs.Count]);
                }

                if (existing.Kind == type.MergedKind)
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

        AddInterfaceObjectFieldsToImplementations();

        foreach (var type in types.Where(t => t.Kind is TypeKind.Object or TypeKind.Interface && t.Fields.Count == 0))
        {
            merged.Types.Remove(type.Name);
        }
    }

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
        if (type.Kind == TypeKind.Interface)
        {
            AddImplementationsAccessControl(typeDirectives, type.Name, null);
        }

        type.IsInaccessible = ApplyInaccessible(typeDirectives, type.Directives);
        type.Directives.AddRange(CacheTags.JoinDirectives(subgraphs, type.Sources.Select(s => s?.Directives.Select(d => d.Directive))));
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

        type.Access = ApplyOthers(typeDirectives, type.Directives, accessControlFirst: type.Kind == TypeKind.Interface);
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
            var interfaceObject = source.IsInterfaceObject ? ", isInterfaceObject: true" : "";
            if (source.Keys.Count == 0)
            {
                type.Directives.Add($"@join__type(graph: {graph}{interfaceObject})");
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

                type.Directives.Add(text.Append(interfaceObject).Append(')').ToString());
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

    internal static string Quote(string text) => SupergraphValues.Quote(text);
}
