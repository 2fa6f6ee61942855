namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A subgraph that resolves an entity interface by a key (<c>interface I @key(...)</c>) defines
/// every implementation the interface has in the supergraph: it must answer a representation of
/// any of them with the concrete type.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/entities/interfaces
/// </summary>
internal sealed class InterfaceKeyRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.Interface))
        {
            var implementations = schema.Types.Values.Where(t => t.Kind == TypeKind.Object && t.Interfaces.Contains(type.Name)).Select(t => t.Name).ToList();
            foreach (var (subgraph, source) in MergedFields.Defined(schema, type.Sources))
            {
                // An interface object is sent the interface's representations; it need not know the implementations.
                if (source.IsInterfaceObject || !source.Keys.Exists(k => k.Resolvable))
                {
                    continue;
                }

                var missing = implementations.Where(i => source.Subgraph.Type(i)?.Interfaces.Contains(type.Name) != true).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(CompositionErrorCodes.InterfaceKeyMissingImplementationType(subgraph, type.Name, missing));
                }
            }
        }
    }
}
