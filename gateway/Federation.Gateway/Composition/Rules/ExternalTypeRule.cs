namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Where a field is <c>@external</c>, its type is the supergraph's type (or, when the subgraphs
/// differ, a subtype of it): a subgraph cannot expect another type than the one resolved.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#external_type_mismatch
/// </summary>
internal sealed class ExternalTypeRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var field in MergedFields.Output(schema))
        {
            var defined = MergedFields.Defined(schema, field.Sources).ToList();
            if (defined.TrueForAll(d => d.Element.IsExternal) || !defined.Exists(d => d.Element.IsExternal))
            {
                continue;
            }

            var invalid = defined.Exists(d => d.Element.IsExternal
                && !(TypeReferences.Same(field.Type, d.Element.Type) || (!field.AllTypesEqual && TypeReferences.IsStrictSubtype(schema, field.Type, d.Element.Type))));
            if (invalid)
            {
                errors.Add(CompositionErrorCodes.ExternalTypeMismatch(field.Coordinate, defined.Select(d => (d.Subgraph, TypeReferences.Print(d.Element.Type)))));
            }
        }
    }
}
