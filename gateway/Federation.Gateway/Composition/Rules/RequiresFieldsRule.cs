namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A <c>@requires</c> selects existing fields of its type, and those are <c>@external</c>: a field
/// the subgraph resolves itself need not be required.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#requires
/// </summary>
internal sealed class RequiresFieldsRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types)
        {
            foreach (var field in type.Fields)
            {
                if (field.Requires is not { } requires)
                {
                    continue;
                }

                if (FieldSets.Parse(requires) is not { } selections)
                {
                    errors.Add(CompositionErrorCodes.RequiresInvalidFields(subgraph.Name, field.Coordinate, requires, "the field set does not parse"));
                    continue;
                }

                foreach (var (parent, selection, target) in FieldSets.Walk(type, selections))
                {
                    if (target is null)
                    {
                        if (selection.Name.Value != "__typename")
                        {
                            errors.Add(CompositionErrorCodes.RequiresInvalidFields(subgraph.Name, field.Coordinate, requires, $"Cannot query field \"{selection.Name.Value}\" on type \"{parent.Name}\"."));
                        }
                    }
                    else if (parent == type && !target.IsExternal)
                    {
                        errors.Add(CompositionErrorCodes.RequiresFieldsMissingExternal(subgraph.Name, field.Coordinate, requires, target.Coordinate));
                    }
                }
            }
        }
    }
}
