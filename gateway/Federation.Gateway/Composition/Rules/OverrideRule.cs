namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// <c>@override(from:)</c> names another subgraph, whose field does not itself override.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#override
/// </summary>
internal sealed class OverrideRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var field in MergedFields.Output(schema))
        {
            var defined = MergedFields.Defined(schema, field.Sources).ToList();
            foreach (var (subgraph, source) in defined)
            {
                if (source.OverrideFrom is not { } from)
                {
                    continue;
                }

                if (source.Parent.IsInterfaceObject)
                {
                    // Apollo does not compose it yet: the field stands for the implementations' fields.
                    errors.Add(CompositionErrorCodes.OverrideOnInterfaceObject(subgraph, field.Coordinate));
                }
                else if (from == subgraph)
                {
                    errors.Add(CompositionErrorCodes.OverrideFromSelf(subgraph, field.Coordinate));
                }
                else if (defined.Find(d => d.Subgraph == from) is { Element.OverrideFrom: not null })
                {
                    errors.Add(CompositionErrorCodes.OverrideSourceHasOverride(field.Coordinate, [subgraph, from]));
                }
            }
        }
    }
}
