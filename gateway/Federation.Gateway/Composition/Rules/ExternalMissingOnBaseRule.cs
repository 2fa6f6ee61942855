namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A field marked <c>@external</c> is resolved by some other subgraph: it cannot be external everywhere.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#external_missing_on_base
/// </summary>
internal sealed class ExternalMissingOnBaseRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var field in MergedFields.Output(schema))
        {
            var defined = field.Sources.Where(s => s is not null).ToList();
            // A field no subgraph defines on its type is one an @interfaceObject gives the implementation.
            if (defined.Count > 0 && defined.All(s => s!.IsExternal))
            {
                errors.Add(CompositionErrorCodes.ExternalMissingOnBase(field.Coordinate, [.. defined.Select(s => s!.Parent.Subgraph.Name)]));
            }
        }
    }
}
