namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A <c>@provides</c> sits on a field of composite type and selects existing fields of that type
/// which are <c>@external</c> in the subgraph.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#provides
/// </summary>
internal sealed class ProvidesFieldsRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types)
        {
            foreach (var field in type.Fields)
            {
                if (field.Provides is not { } provides)
                {
                    continue;
                }

                if (subgraph.Type(FieldSets.NamedType(field.Type)) is not { Kind: TypeKind.Object or TypeKind.Interface or TypeKind.Union } provided)
                {
                    errors.Add(CompositionErrorCodes.ProvidesOnNonObjectField(subgraph.Name, field.Coordinate, TypeReferences.Print(field.Type)));
                    continue;
                }

                if (FieldSets.Parse(provides) is not { } selections)
                {
                    errors.Add(CompositionErrorCodes.ProvidesInvalidFields(subgraph.Name, field.Coordinate, provides, "the field set does not parse"));
                    continue;
                }

                foreach (var (parent, selection, target) in FieldSets.Walk(provided, selections))
                {
                    if (target is null)
                    {
                        if (selection.Name.Value != "__typename")
                        {
                            errors.Add(CompositionErrorCodes.ProvidesInvalidFields(subgraph.Name, field.Coordinate, provides, $"Cannot query field \"{selection.Name.Value}\" on type \"{parent.Name}\"."));
                        }
                    }
                    else if (parent == provided && !target.IsExternal)
                    {
                        errors.Add(CompositionErrorCodes.ProvidesFieldsMissingExternal(subgraph.Name, field.Coordinate, provides, target.Coordinate));
                    }
                }
            }
        }
    }
}
