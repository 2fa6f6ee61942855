using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// An input object keeps the fields every defining subgraph has (the intersection): a field
/// required in one subgraph and missing in another is an error, and so is an empty intersection.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/sharing-types#input-types
/// </summary>
internal sealed class InputFieldsRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.InputObject))
        {
            var defining = MergedFields.Defined(schema, type.Sources).ToList();
            var names = defining.SelectMany(d => d.Element.Fields.Select(f => f.Name)).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (type.Field(name) is { IsInaccessible: true })
                {
                    continue;
                }

                var requiredIn = defining.Where(d => d.Element.Field(name) is { Type: NonNullTypeNode, DefaultValue: null }).Select(d => d.Subgraph).ToList();
                var missingIn = defining.Where(d => d.Element.Field(name) is null).Select(d => d.Subgraph).ToList();
                if (requiredIn.Count > 0 && missingIn.Count > 0)
                {
                    errors.Add(CompositionErrorCodes.RequiredInputFieldMissingInSomeSubgraph(type.Name + "." + name, requiredIn, missingIn));
                }
            }

            if (type.Fields.Count == 0)
            {
                errors.Add(CompositionErrorCodes.EmptyMergedInputType(type.Name, [.. defining.Select(d => d.Subgraph)]));
            }
        }
    }
}
