namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// An <c>@interfaceObject</c> is an entity (it has a <c>@key</c> in its subgraph): the subgraph
/// is sent representations of the interface and answers for any implementation by that key.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#interface_object_usage_error
/// </summary>
internal sealed class InterfaceObjectKeyRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types.Where(t => t.IsInterfaceObject && t.Keys.Count == 0))
        {
            errors.Add(CompositionErrorCodes.InterfaceObjectWithoutKey(subgraph.Name, type.Name));
        }
    }
}

/// <summary>
/// An <c>@interfaceObject</c> stands for an interface another subgraph defines, and its subgraph
/// defines none of the interface's implementations: it already gives its fields to all of them.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#interface_object_usage_error
/// </summary>
internal sealed class InterfaceObjectRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.Interface && t.Sources.Any(s => s is { IsInterfaceObject: true })))
        {
            if (type.Sources.All(s => s is null or { IsInterfaceObject: true }))
            {
                if (!schema.Subgraphs.Any(s => s.Type(type.Name) is { } other && other.MergedKind != TypeKind.Interface))
                {
                    // A kind mismatch is TYPE_KIND_MISMATCH's to report.
                    errors.Add(CompositionErrorCodes.InterfaceObjectWithoutInterface(type.Name, [.. MergedFields.Defined(schema, type.Sources).Select(d => d.Subgraph)]));
                }

                continue;
            }

            var implementations = schema.Types.Values.Where(t => t.Kind == TypeKind.Object && t.Interfaces.Contains(type.Name)).Select(t => t.Name).ToList();
            foreach (var (subgraph, source) in MergedFields.Defined(schema, type.Sources).Where(d => d.Element.IsInterfaceObject))
            {
                var defined = implementations.Where(i => source.Subgraph.Type(i) is not null).ToList();
                if (defined.Count > 0)
                {
                    errors.Add(CompositionErrorCodes.InterfaceObjectDefinesImplementations(subgraph, type.Name, defined));
                }
            }
        }
    }
}
