using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// <c>@cost</c> goes on concrete types' fields, not on interface fields; <c>@listSize</c> goes on a
/// list (or names list fields of the type it returns), with a size that is not negative and slicing
/// arguments that are <c>Int</c> arguments of the field — what Apollo's subgraph validation checks.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#listsize
/// </summary>
internal sealed class DemandControlRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types.Where(t => t.Kind is TypeKind.Object or TypeKind.Interface))
        {
            foreach (var field in type.Fields)
            {
                foreach (var directive in field.Directives)
                {
                    switch (subgraph.SpecName(directive))
                    {
                        case "cost" when type.Kind == TypeKind.Interface:
                            errors.Add(Error(CompositionErrorCodes.CostAppliedToInterfaceFieldCode, subgraph, field, $"@cost cannot be applied to interface \"{field.Coordinate}\""));
                            break;
                        case "listSize":
                            CheckListSize(subgraph, field, directive, errors);
                            break;
                    }
                }
            }
        }
    }

    private static void CheckListSize(SubgraphSchema subgraph, SubgraphField field, DirectiveNode directive, List<CompositionError> errors)
    {
        var sizedFields = DemandControl.Strings(directive, "sizedFields") ?? [];
        if (sizedFields.Count == 0 && !IsList(field.Type))
        {
            errors.Add(Error(CompositionErrorCodes.ListSizeAppliedToNonListCode, subgraph, field, $"\"{field.Coordinate}\" is not a list"));
        }

        if (DemandControl.Int(directive, "assumedSize") is < 0)
        {
            errors.Add(Error(CompositionErrorCodes.ListSizeInvalidAssumedSizeCode, subgraph, field, $"Assumed size of \"{field.Coordinate}\" cannot be negative"));
        }

        foreach (var name in DemandControl.Strings(directive, "slicingArguments") ?? [])
        {
            var argument = field.Argument(name);
            if (argument is null)
            {
                errors.Add(Error(CompositionErrorCodes.ListSizeInvalidSlicingArgumentCode, subgraph, field, $"Slicing argument \"{name}\" is not an argument of \"{field.Coordinate}\""));
            }
            else if (argument.Type is not (NamedTypeNode { Name.Value: "Int" } or NonNullTypeNode { Type: NamedTypeNode { Name.Value: "Int" } }))
            {
                errors.Add(Error(CompositionErrorCodes.ListSizeInvalidSlicingArgumentCode, subgraph, field, $"Slicing argument \"{argument.Coordinate}\" must be Int or Int!"));
            }
        }

        if (sizedFields.Count == 0)
        {
            return;
        }

        var returned = subgraph.Type(FieldSets.NamedType(field.Type));
        if (returned is not { Kind: TypeKind.Object or TypeKind.Interface or TypeKind.Union })
        {
            errors.Add(Error(CompositionErrorCodes.ListSizeInvalidSizedFieldCode, subgraph, field, $"Sized fields cannot be used because \"{Print(field.Type)}\" is not a composite type"));
            return;
        }

        foreach (var name in sizedFields)
        {
            if (returned.Field(name) is not { } sized)
            {
                errors.Add(Error(CompositionErrorCodes.ListSizeInvalidSizedFieldCode, subgraph, field, $"Sized field \"{name}\" is not a field on type \"{returned.Name}\""));
            }
            else if (!IsList(sized.Type))
            {
                errors.Add(Error(CompositionErrorCodes.ListSizeAppliedToNonListCode, subgraph, field, $"Sized field \"{sized.Coordinate}\" is not a list"));
            }
        }
    }

    private static bool IsList(TypeNode type) => type is ListTypeNode or NonNullTypeNode { Type: ListTypeNode };

    private static string Print(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => "",
    };

    private static CompositionError Error(string code, SubgraphSchema subgraph, SubgraphField field, string message) =>
        CompositionErrorCodes.DemandControlInvalid(code, subgraph.Name, field.Coordinate, message);
}
