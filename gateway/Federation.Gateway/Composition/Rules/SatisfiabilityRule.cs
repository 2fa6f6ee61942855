namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A simplified form of Apollo's satisfiability validation: wherever a query can be in a
/// subgraph at an object type, each field of that type in the supergraph is resolved there, or a
/// subgraph that resolves it has a resolvable <c>@key</c> of the type whose fields the first
/// subgraph can provide, so the planner can jump. "Can be in a subgraph at a type" means reachable
/// in that subgraph from its root fields or from an entity it resolves by key. Apollo explores
/// every query path (abstract types, <c>@provides</c> paths, <c>@requires</c> chains); this
/// looks at object types one jump away, which catches the usual cause: a field of a value type,
/// or of an entity some subgraph gives no key, defined in only some subgraphs.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#satisfiability_error
/// </summary>
internal sealed class SatisfiabilityRule : IMergeRule
{
    private static readonly string[] RootTypes = ["Query", "Mutation", "Subscription"];

    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        for (var i = 0; i < schema.Subgraphs.Count; i++)
        {
            var subgraph = schema.Subgraphs[i];
            foreach (var type in Reachable(subgraph))
            {
                if (type.IsInterfaceObject && !ReachesImplementations(schema, type, i))
                {
                    errors.Add(CompositionErrorCodes.InterfaceObjectUnreachable(subgraph.Name, type.Name));
                    continue;
                }

                if (schema.Type(type.Name) is not { Kind: TypeKind.Object, IsInaccessible: false } merged || Array.IndexOf(RootTypes, type.Name) >= 0)
                {
                    continue;
                }

                foreach (var field in merged.Fields)
                {
                    if (!field.IsInaccessible && !Resolves(field, i) && !CanJump(schema, merged, field, i) && !CanJumpToInterfaceObject(schema, merged, field, i))
                    {
                        errors.Add(CompositionErrorCodes.Satisfiability(subgraph.Name, field.Coordinate));
                    }
                }
            }
        }
    }

    /// <summary>Object, interface and union types a query can be at in the subgraph.</summary>
    private static IEnumerable<SubgraphType> Reachable(SubgraphSchema subgraph)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<SubgraphType>();
        void Reach(SubgraphType? type)
        {
            if (type is { Kind: TypeKind.Object or TypeKind.Interface or TypeKind.Union } && reached.Add(type.Name))
            {
                pending.Enqueue(type);
            }
        }

        foreach (var root in RootTypes)
        {
            Reach(subgraph.Type(root));
        }

        foreach (var entity in subgraph.Types.Where(t => t.Keys.Exists(k => k.Resolvable)))
        {
            Reach(entity);
        }

        while (pending.TryDequeue(out var type))
        {
            yield return type;
            foreach (var field in type.Fields.Where(f => !f.IsFullyExternal))
            {
                Reach(subgraph.Type(FieldSets.NamedType(field.Type)));
            }

            foreach (var member in type.Members)
            {
                Reach(subgraph.Type(member));
            }

            if (type.Kind == TypeKind.Interface)
            {
                foreach (var implementation in subgraph.Types.Where(t => t.Interfaces.Contains(type.Name)))
                {
                    Reach(implementation);
                }
            }
        }
    }

    /// <summary>The subgraph resolves the field itself: it defines it, not only as external, and no other subgraph took it over.</summary>
    private static bool Resolves(MergedField field, int subgraph) =>
        field.Sources[subgraph] is { IsFullyExternal: false } source
        && !field.Sources.Any(s => s?.OverrideFrom == source.Parent.Subgraph.Name && s.OverrideLabel is null);

    private static bool CanJump(MergedSchema schema, MergedType type, MergedField field, int from)
    {
        var fromType = type.Sources[from];
        for (var to = 0; to < schema.Subgraphs.Count; to++)
        {
            if (to == from || !Resolves(field, to) || type.Sources[to] is not { } target)
            {
                continue;
            }

            foreach (var key in target.Keys.Where(k => k.Resolvable))
            {
                if (fromType is not null && CanProvide(fromType, key.Fields))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where an <c>@interfaceObject</c> is returned, the concrete type (and the interface's other
    /// fields) come from a subgraph that defines the interface with a resolvable key the interface
    /// object can give.
    /// </summary>
    private static bool ReachesImplementations(MergedSchema schema, SubgraphType interfaceObject, int from)
    {
        var merged = schema.Type(interfaceObject.Name);
        for (var to = 0; to < schema.Subgraphs.Count; to++)
        {
            if (to != from
                && merged?.Sources[to] is { Kind: TypeKind.Interface } target
                && target.Keys.Exists(k => k.Resolvable && CanProvide(interfaceObject, k.Fields)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A field an <c>@interfaceObject</c> gives the type: a subgraph defines one of its interfaces
    /// as an interface object resolving the field, with a resolvable key the first subgraph can provide.
    /// </summary>
    private static bool CanJumpToInterfaceObject(MergedSchema schema, MergedType type, MergedField field, int from)
    {
        if (type.Sources[from] is not { } fromType)
        {
            return false;
        }

        foreach (var implemented in type.Interfaces)
        {
            if (schema.Type(implemented) is not { } interfaceType)
            {
                continue;
            }

            for (var to = 0; to < schema.Subgraphs.Count; to++)
            {
                if (to != from
                    && interfaceType.Sources[to] is { IsInterfaceObject: true } target
                    && target.Field(field.Name) is { IsFullyExternal: false }
                    && target.Keys.Exists(k => k.Resolvable && CanProvide(fromType, k.Fields)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CanProvide(SubgraphType type, string keyFields) =>
        FieldSets.Parse(keyFields) is { } selections
        && FieldSets.Walk(type, selections).All(s => s.Selection.Name.Value == "__typename" || s.Field is { IsFullyExternal: false });
}
