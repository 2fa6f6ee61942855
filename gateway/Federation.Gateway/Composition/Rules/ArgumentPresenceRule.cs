namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// The supergraph keeps only arguments every resolving subgraph declares; an argument required in
/// one subgraph and missing in another cannot be kept nor dropped.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#required_argument_missing_in_some_subgraph
/// </summary>
internal sealed class ArgumentPresenceRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var field in MergedFields.Output(schema))
        {
            var resolving = MergedFields.Defined(schema, field.Sources).Where(d => !d.Element.IsExternal).ToList();
            var names = resolving.SelectMany(d => d.Element.Arguments.Select(a => a.Name)).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var requiredIn = resolving.Where(d => d.Element.Argument(name)?.IsRequired == true).Select(d => d.Subgraph).ToList();
                var missingIn = resolving.Where(d => d.Element.Argument(name) is null).Select(d => d.Subgraph).ToList();
                if (requiredIn.Count > 0 && missingIn.Count > 0)
                {
                    errors.Add(CompositionErrorCodes.RequiredArgumentMissingInSomeSubgraph($"{field.Coordinate}({name}:)", requiredIn, missingIn));
                }
            }
        }
    }
}
