using Federation.Gateway.Composition;

namespace Federation.Gateway.Planning;

/// <summary>
/// Takes what the planner needs from the composition's <see cref="Supergraph"/> model: the API
/// schema, the subgraphs and their URLs, per type the subgraphs and keys, per field the
/// subgraphs that resolve it (neither <c>@external</c> there nor overridden away), union
/// members and interface implementations per subgraph.
/// </summary>
internal static class SupergraphPlanning
{
    public static PlanningSchema From(Supergraph supergraph)
    {
        var schema = new PlanningSchema(supergraph.ApiSchema);
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
                foreach (var inSubgraph in field.Subgraphs)
                {
                    if (!inSubgraph.External && !inSubgraph.UsedOverridden)
                    {
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
}
