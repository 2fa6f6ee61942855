namespace Federation.Gateway.Composition.Rules;

/// <summary>The fields the merge rules walk.</summary>
internal static class MergedFields
{
    /// <summary>The fields of object and interface types.</summary>
    public static IEnumerable<MergedField> Output(MergedSchema schema) =>
        schema.Types.Values.Where(t => t.Kind is TypeKind.Object or TypeKind.Interface).SelectMany(t => t.Fields);

    /// <summary>Subgraph name and definition of each subgraph that defines the element.</summary>
    public static IEnumerable<(string Subgraph, T Element)> Defined<T>(MergedSchema schema, IReadOnlyList<T?> sources)
        where T : class
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is { } element)
            {
                yield return (schema.Subgraphs[i].Name, element);
            }
        }
    }
}
