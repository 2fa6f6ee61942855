using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Planning;

/// <summary>
/// Takes what the planner needs from the composition's <see cref="Supergraph"/> model: the API
/// schema, the subgraphs and their URLs, per type the subgraphs and keys, per field the
/// subgraphs that resolve it (neither <c>@external</c> there nor overridden away), union
/// members and interface implementations per subgraph, and the <c>@inaccessible</c> leaf fields
/// a requirement may need.
/// </summary>
internal static class SupergraphPlanning
{
    /// <param name="enabledLabels">The progressive <c>@override</c> labels enabled for the requests this schema plans; none when null.</param>
    public static PlanningSchema From(Supergraph supergraph, IReadOnlySet<string>? enabledLabels = null)
    {
        var schema = new PlanningSchema(supergraph.ApiSchema);
        // A field the catalogue does not share is not fetched even for a requirement: that would hand it to another agency.
        var notShared = supergraph.Catalogue?.Resources.Where(r => r.Class == ShareClass.NotShared).SelectMany(r => r.Fields).ToHashSet(StringComparer.Ordinal)
            ?? [];
        foreach (var subgraph in supergraph.Subgraphs)
        {
            schema.AddSubgraph(subgraph.Name, Uri.TryCreate(subgraph.Url, UriKind.Absolute, out var url) ? url : null);
        }

        foreach (var type in supergraph.Types.Values)
        {
            if (type.Kind is not (SupergraphTypeKind.Object or SupergraphTypeKind.Interface or SupergraphTypeKind.Union))
            {
                continue;
            }

            foreach (var inSubgraph in type.Subgraphs)
            {
                schema.AddType(type.Name, inSubgraph.Subgraph);
                if (inSubgraph.IsInterfaceObject)
                {
                    schema.AddInterfaceObject(type.Name, inSubgraph.Subgraph);
                }

                if (inSubgraph.Key is { } key)
                {
                    schema.AddKey(type.Name, inSubgraph.Subgraph, key, inSubgraph.Resolvable);
                }
            }

            foreach (var field in type.Fields)
            {
                if (field.IsInaccessible && LeafType(supergraph, field.Type) && !notShared.Contains(field.Coordinate))
                {
                    schema.AddHiddenLeaf(type.Name, field.Name, field.Type);
                }

                foreach (var inSubgraph in field.Subgraphs)
                {
                    if (inSubgraph.OverrideLabel is { } progressive
                        ? !inSubgraph.External && (inSubgraph.OverrideFrom is not null) == (enabledLabels?.Contains(progressive) ?? false)
                        : !inSubgraph.External && !inSubgraph.UsedOverridden)
                    {
                        // A progressive @override: the overriding subgraph resolves the field when its
                        // label is enabled for the request, the one it overrides when not.
                        schema.AddField(type.Name, field.Name, inSubgraph.Subgraph);
                    }

                    if (inSubgraph.Requires is { } requires)
                    {
                        schema.AddRequires(type.Name, field.Name, inSubgraph.Subgraph, requires);
                    }

                    if (inSubgraph.Provides is { } provides)
                    {
                        schema.AddProvides(type.Name, field.Name, inSubgraph.Subgraph, provides);
                    }

                    if (inSubgraph.Type is { } fieldType)
                    {
                        schema.AddFieldType(type.Name, field.Name, inSubgraph.Subgraph, fieldType);
                    }

                    if (inSubgraph.OverrideLabel is { } label)
                    {
                        schema.AddOverrideLabel(type.Name, field.Name, label);
                    }
                }
            }

            foreach (var member in type.UnionMembers)
            {
                schema.AddMember(type.Name, member.Member, member.Subgraph);
            }

            foreach (var implementation in type.Implementations)
            {
                schema.AddMember(implementation.Interface, type.Name, implementation.Subgraph);
            }
        }

        return schema;
    }

    /// <summary>Whether a field of type <paramref name="typeText"/> (e.g. <c>[Kind!]!</c>) is a scalar or an enum.</summary>
    private static bool LeafType(Supergraph supergraph, string typeText)
    {
        var named = typeText.Trim('[', ']', '!');
        return supergraph.Type(named) is not { } type || type.Kind is SupergraphTypeKind.Scalar or SupergraphTypeKind.Enum;
    }
}
