using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// The subgraphs give a field (among those that resolve it) and an argument compatible types:
/// equal, or one a subtype of the other (an implementation for its interface, a member for its
/// union, <c>T!</c> for <c>T</c>), through lists and non-null alike.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#field_type_mismatch
/// </summary>
internal sealed class FieldTypeRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var field in MergedFields.Output(schema))
        {
            var resolving = MergedFields.Defined(schema, field.Sources).Where(d => !d.Element.IsExternal).ToList();
            if (resolving.Count > 0 && !resolving.TrueForAll(d => Compatible(schema, field.Type, d.Element.Type)))
            {
                errors.Add(CompositionErrorCodes.FieldTypeMismatch(field.Coordinate, resolving.Select(d => (d.Subgraph, TypeReferences.Print(d.Element.Type)))));
            }

            foreach (var argument in field.Arguments)
            {
                var types = resolving.Select(d => (d.Subgraph, Argument: d.Element.Argument(argument.Name))).Where(d => d.Argument is not null).ToList();
                if (!types.TrueForAll(d => Compatible(schema, d.Argument!.Type, argument.Type)))
                {
                    errors.Add(CompositionErrorCodes.ArgumentTypeMismatch(argument.Coordinate, types.Select(d => (d.Subgraph, TypeReferences.Print(d.Argument!.Type)))));
                }
            }
        }

        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.InputObject))
        {
            foreach (var field in type.Fields)
            {
                var defined = MergedFields.Defined(schema, field.Sources).ToList();
                if (!defined.TrueForAll(d => Compatible(schema, d.Element.Type, field.Type)))
                {
                    errors.Add(CompositionErrorCodes.FieldTypeMismatch(field.Coordinate, defined.Select(d => (d.Subgraph, TypeReferences.Print(d.Element.Type)))));
                }
            }
        }
    }

    private static bool Compatible(MergedSchema schema, TypeNode merged, TypeNode subgraph) =>
        TypeReferences.Same(merged, subgraph) || TypeReferences.IsStrictSubtype(schema, merged, subgraph);
}
