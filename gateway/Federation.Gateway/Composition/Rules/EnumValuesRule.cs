namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Enums merge by how they are used: an output-only enum takes every value of every subgraph, an
/// input-only enum the values all subgraphs share (never none), and an enum used both ways must
/// have the same values everywhere (<c>@inaccessible</c> values aside).
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/sharing-types#enums
/// </summary>
internal sealed class EnumValuesRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.Enum))
        {
            var defining = MergedFields.Defined(schema, type.Sources).ToList();
            if (schema.EnumUsages.TryGetValue(type.Name, out var usage) && usage is { InputExample: { } input, OutputExample: { } output })
            {
                foreach (var value in type.Values.Where(v => !v.IsInaccessible))
                {
                    var missingIn = defining.Where(d => d.Element.Values.Find(v => v.Name == value.Name) is null).Select(d => d.Subgraph).ToList();
                    if (missingIn.Count > 0)
                    {
                        var definedIn = defining.Select(d => d.Subgraph).Except(missingIn).ToList();
                        errors.Add(CompositionErrorCodes.EnumValueMismatch(type.Name, input, output, value.Name, definedIn, missingIn));
                    }
                }
            }

            if (type.Values.Count == 0)
            {
                errors.Add(CompositionErrorCodes.EmptyMergedEnumType(type.Name, [.. defining.Select(d => d.Subgraph)]));
            }
        }
    }
}
