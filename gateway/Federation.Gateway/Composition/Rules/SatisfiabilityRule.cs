namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Apollo's satisfiability validation, in the form the planner needs: every field a query can
/// ask is resolved by some subgraph the query can be in at that point. The walk follows the
/// supergraph from its root types, carrying the set of subgraphs a query could be in at each
/// type (all that resolve a shareable root field or a shareable field of a value type); at an
/// entity the set grows by every subgraph reached through key jumps, chained through
/// intermediate subgraphs (one that resolves two keys of the type), a jump possible when one
/// subgraph of the set gives all fields of a resolvable <c>@key</c> (nested keys included). A
/// field is unsatisfiable where no subgraph of the set resolves it. Apollo explores more
/// (<c>@provides</c> only on its path, <c>@requires</c> conditions, key fields gathered from
/// several subgraphs); this treats a provided field as resolved and a requiring field as resolved
/// by its subgraph, which the planner then plans or refuses naming the coordinate. An
/// <c>@interfaceObject</c> is the interface in the subgraph that defines it so: at the interface the
/// set grows through the interface's keys as at an entity, a set holding an interface object must
/// reach a subgraph that defines the interface itself (which alone knows the concrete type,
/// <c>InterfaceObjectUnreachable</c>), and an implementation's field an interface object gives is
/// resolved in that subgraph, reached through the interface's key.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#satisfiability_error
/// </summary>
internal sealed class SatisfiabilityRule : IMergeRule
{
    private static readonly string[] RootTypes = ["Query", "Mutation", "Subscription"];

    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        var visited = new Dictionary<string, List<HashSet<int>>>(StringComparer.Ordinal);
        var reported = new HashSet<(int Subgraph, string Coordinate)>();
        var pending = new Queue<(MergedType Type, int[] Entered, HashSet<int> Subgraphs)>();
        void Reach(MergedType? type, IEnumerable<int> subgraphs)
        {
            if (type is not { IsInaccessible: false } || type.Kind is not (TypeKind.Object or TypeKind.Interface or TypeKind.Union))
            {
                return;
            }

            int[] entered = [.. subgraphs];
            var set = type.Kind == TypeKind.Union ? [.. entered] : Close(schema, type, [.. entered]);
            if (type.Kind == TypeKind.Interface && !ReachesImplementations(type, set))
            {
                foreach (var subgraph in set.Where(i => type.Sources[i] is { IsInterfaceObject: true }).Order())
                {
                    if (reported.Add((subgraph, type.Name)))
                    {
                        errors.Add(CompositionErrorCodes.InterfaceObjectUnreachable(schema.Subgraphs[subgraph].Name, type.Name));
                    }
                }

                return;
            }

            if (set.Count == 0)
            {
                return;
            }

            // More subgraphs to choose from satisfy at least what fewer do: a set that contains one
            // already walked at this type has nothing new to show.
            if (!visited.TryGetValue(type.Name, out var seen))
            {
                visited[type.Name] = seen = [];
            }

            if (seen.Exists(s => s.IsSubsetOf(set)))
            {
                return;
            }

            seen.Add(set);
            pending.Enqueue((type, entered, set));
        }

        foreach (var root in RootTypes)
        {
            if (schema.Type(root) is { } rootType)
            {
                Reach(rootType, Enumerable.Range(0, schema.Subgraphs.Count).Where(i => rootType.Sources[i] is not null));
            }
        }

        while (pending.TryDequeue(out var state))
        {
            var (type, entered, subgraphs) = state;
            if (type.Kind != TypeKind.Object)
            {
                // An abstract value is one of its members: each member from the subgraphs that may return it there.
                foreach (var member in schema.Types.Values.Where(t => t.Kind == TypeKind.Object && schema.IsDirectSubtype(type.Name, t.Name)))
                {
                    Reach(member, subgraphs.Where(i => IsMemberIn(type, member.Name, i)));
                }

                continue;
            }

            foreach (var field in type.Fields)
            {
                if (field.IsInaccessible)
                {
                    continue;
                }

                var resolving = subgraphs.Where(i => Resolves(field, i) || GivenByInterfaceObject(schema, type, field, i)).ToList();
                if (resolving.Count == 0)
                {
                    // Named after the subgraphs the query came in from; the others are reached from them.
                    foreach (var subgraph in entered.Order())
                    {
                        if (reported.Add((subgraph, field.Coordinate)))
                        {
                            errors.Add(CompositionErrorCodes.Satisfiability(schema.Subgraphs[subgraph].Name, field.Coordinate));
                        }
                    }

                    continue;
                }

                var named = FieldSets.NamedType(field.Type);
                Reach(schema.Type(named), resolving.Where(i => schema.Subgraphs[i].Type(named) is not null));
            }
        }
    }

    /// <summary>
    /// The subgraphs a query in <paramref name="subgraphs"/> at the entity can be in: those and
    /// every subgraph with a resolvable key whose fields one of them gives, repeated until no
    /// more join (a key reached through an intermediate subgraph that gives it).
    /// </summary>
    private static HashSet<int> Close(MergedSchema schema, MergedType type, HashSet<int> subgraphs)
    {
        if (type.Kind == TypeKind.Object)
        {
            // An implementation's fields an interface object gives: its subgraph is reached through the interface's key.
            foreach (var (to, key) in InterfaceObjectKeys(schema, type))
            {
                if (subgraphs.Any(from => type.Sources[from] is { } source && CanProvide(source, key)))
                {
                    subgraphs.Add(to);
                }
            }
        }

        var grew = true;
        while (grew)
        {
            grew = false;
            for (var to = 0; to < type.Sources.Length; to++)
            {
                if (subgraphs.Contains(to) || type.Sources[to] is not { } target)
                {
                    continue;
                }

                if (target.Keys.Exists(k => k.Resolvable && subgraphs.Any(from => type.Sources[from] is { } source && CanProvide(source, k.Fields))))
                {
                    subgraphs.Add(to);
                    grew = true;
                }
            }
        }

        return subgraphs;
    }

    /// <summary>Where the set holds an interface object, it holds (or reaches) a subgraph that defines the interface itself.</summary>
    private static bool ReachesImplementations(MergedType type, HashSet<int> set) =>
        !set.Any(i => type.Sources[i] is { IsInterfaceObject: true }) || set.Any(i => type.Sources[i] is { Kind: TypeKind.Interface });

    /// <summary>The interface-object subgraphs of the type's interfaces, with each resolvable key of theirs.</summary>
    private static IEnumerable<(int Subgraph, string Key)> InterfaceObjectKeys(MergedSchema schema, MergedType type)
    {
        foreach (var implemented in type.Interfaces)
        {
            if (schema.Type(implemented) is not { } interfaceType)
            {
                continue;
            }

            for (var to = 0; to < interfaceType.Sources.Length; to++)
            {
                if (interfaceType.Sources[to] is { IsInterfaceObject: true } interfaceObject)
                {
                    foreach (var key in interfaceObject.Keys.Where(k => k.Resolvable))
                    {
                        yield return (to, key.Fields);
                    }
                }
            }
        }
    }

    /// <summary>The subgraph has an interface object of one of the type's interfaces that resolves the field.</summary>
    private static bool GivenByInterfaceObject(MergedSchema schema, MergedType type, MergedField field, int subgraph) =>
        type.Kind == TypeKind.Object
        && type.Sources[subgraph] is null
        && type.Interfaces.Any(i => schema.Type(i)?.Sources[subgraph] is { IsInterfaceObject: true } interfaceObject
            && interfaceObject.Field(field.Name) is { IsFullyExternal: false });

    private static bool IsMemberIn(MergedType abstractType, string member, int subgraph) =>
        abstractType.Sources[subgraph] is { } source
        && (abstractType.Kind == TypeKind.Union
            ? source.Members.Contains(member)
            : source.Subgraph.Type(member) is { } implementation && implementation.Interfaces.Contains(abstractType.Name));

    /// <summary>The subgraph resolves the field itself: it defines it, not only as external, and no other subgraph took it over.</summary>
    private static bool Resolves(MergedField field, int subgraph) =>
        field.Sources[subgraph] is { IsFullyExternal: false } source
        && !field.Sources.Any(s => s?.OverrideFrom == source.Parent.Subgraph.Name && s.OverrideLabel is null);

    private static bool CanProvide(SubgraphType type, string keyFields) =>
        FieldSets.Parse(keyFields) is { } selections
        && FieldSets.Walk(type, selections).All(s => s.Selection.Name.Value == "__typename" || s.Field is { IsFullyExternal: false });
}
