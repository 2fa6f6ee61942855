namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Each object or interface type of the supergraph has every field of the interfaces it implements
/// there (a field one subgraph adds to an interface must be defined on its implementations somewhere).
/// https://spec.graphql.org/September2025/#IsValidImplementation()
/// </summary>
internal sealed class InterfaceFieldsRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind is TypeKind.Object or TypeKind.Interface))
        {
            foreach (var implemented in type.Interfaces)
            {
                foreach (var field in schema.Type(implemented)?.Fields ?? [])
                {
                    if (type.Field(field.Name) is null)
                    {
                        errors.Add(CompositionErrorCodes.InterfaceFieldNoImplem(type.Name, field.Coordinate));
                    }
                }
            }
        }
    }
}
