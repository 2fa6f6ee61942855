using System.Text;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

// Fields and arguments: which subgraphs define them, their merged types, and their @join__field.
internal sealed partial class SupergraphMerger
{
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
            if (type.Kind == TypeKind.Interface)
            {
                AddImplementationsAccessControl(directives, type.Name, field.Name);
            }

            field.IsInaccessible = ApplyInaccessible(directives, field.Directives);
            MergeArguments(field, withoutExternal);
            field.AllTypesEqual = MergeTypeReference(withoutExternal, field.Coordinate, isInput: false, out var mergedType);
            field.Type = mergedType;
            AddJoinField(field, sources, type);
            field.Directives.AddRange(CacheTags.JoinDirectives(subgraphs, sources.Select(s => s?.Directives)));
            field.Access = ApplyOthers(directives, field.Directives, accessControlFirst: true);
        }
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
}
