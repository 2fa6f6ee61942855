namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A <c>@key</c> selects existing fields of its type, without arguments, and none whose type is an
/// interface or a union (lists are allowed).
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#key
/// </summary>
internal sealed class KeyFieldsRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types)
        {
            foreach (var key in type.Keys)
            {
                if (FieldSets.Parse(key.Fields) is not { } selections)
                {
                    errors.Add(CompositionErrorCodes.KeyInvalidFields(subgraph.Name, type.Name, key.Fields, "the field set does not parse"));
                    continue;
                }

                foreach (var (parent, selection, field) in FieldSets.Walk(type, selections))
                {
                    if (field is null)
                    {
                        if (selection.Name.Value != "__typename")
                        {
                            errors.Add(CompositionErrorCodes.KeyInvalidFields(subgraph.Name, type.Name, key.Fields, $"Cannot query field \"{selection.Name.Value}\" on type \"{parent.Name}\"."));
                        }

                        continue;
                    }

                    if (field.Arguments.Count > 0)
                    {
                        errors.Add(CompositionErrorCodes.KeyFieldsHasArgs(subgraph.Name, type.Name, key.Fields, field.Coordinate));
                    }

                    var named = subgraph.Type(FieldSets.NamedType(field.Type));
                    if (named?.Kind is TypeKind.Interface or TypeKind.Union)
                    {
                        errors.Add(CompositionErrorCodes.KeyFieldsSelectInvalidType(subgraph.Name, type.Name, key.Fields, field.Coordinate, named.Kind.ToString()));
                    }
                    else if ((named?.Kind == TypeKind.Object) != (selection.SelectionSet is not null))
                    {
                        errors.Add(CompositionErrorCodes.KeyInvalidFields(subgraph.Name, type.Name, key.Fields, $"field \"{field.Coordinate}\" is selected {(selection.SelectionSet is null ? "without" : "with")} subfields but is {(named?.Kind == TypeKind.Object ? "an object" : "a leaf")}."));
                    }
                }
            }
        }
    }
}
