namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A field of an object type resolved by more than one subgraph is <c>@shareable</c> in all of
/// them (key fields, and external fields a <c>@provides</c> names, are shareable by nature); a
/// field another subgraph takes over with <c>@override</c> does not count.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/sharing-types#using-shareable
/// </summary>
internal sealed class FieldSharingRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.Object))
        {
            foreach (var field in type.Fields)
            {
                var overridden = field.Sources.Where(s => s?.OverrideFrom is not null).Select(s => s!.OverrideFrom!).ToHashSet(StringComparer.Ordinal);
                var resolving = MergedFields.Defined(schema, field.Sources)
                    .Where(d => !d.Element.IsFullyExternal && !(overridden.Contains(d.Subgraph) && d.Element.OverrideFrom is null))
                    .Concat(ThroughInterfaceObjects(schema, type, field.Name))
                    .ToList();
                var nonShareable = resolving.Where(d => !d.Element.IsShareable).Select(d => d.Subgraph).ToList();
                if (nonShareable.Count > 0 && resolving.Count > 1)
                {
                    errors.Add(CompositionErrorCodes.InvalidFieldSharing(field.Coordinate, [.. resolving.Select(d => d.Subgraph)], nonShareable));
                }
            }
        }
    }

    /// <summary>
    /// The subgraphs that lack the type but resolve the field for it through an
    /// <c>@interfaceObject</c> of one of its interfaces.
    /// </summary>
    private static IEnumerable<(string Subgraph, SubgraphField Element)> ThroughInterfaceObjects(MergedSchema schema, MergedType type, string field)
    {
        for (var i = 0; i < schema.Subgraphs.Count; i++)
        {
            if (type.Sources[i] is not null)
            {
                continue;
            }

            foreach (var implemented in type.Interfaces)
            {
                if (schema.Type(implemented)?.Sources[i] is { IsInterfaceObject: true } interfaceObject
                    && interfaceObject.Field(field) is { IsFullyExternal: false } provided)
                {
                    yield return (schema.Subgraphs[i].Name, provided);
                }
            }
        }
    }
}
