namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A type written only as <c>extend type</c> needs a definition in some subgraph (root types excepted).
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#extension_with_no_base
/// </summary>
internal sealed class ExtensionWithNoBaseRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values)
        {
            if (type.Name is "Query" or "Mutation" or "Subscription" || type.Sources.Any(s => s?.HasDefinition == true))
            {
                continue;
            }

            for (var i = 0; i < type.Sources.Length; i++)
            {
                if (type.Sources[i]?.HasExtension == true)
                {
                    errors.Add(CompositionErrorCodes.ExtensionWithNoBase(schema.Subgraphs[i].Name, type.Name));
                }
            }
        }
    }
}
