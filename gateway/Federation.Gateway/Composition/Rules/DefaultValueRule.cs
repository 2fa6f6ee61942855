using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Subgraphs that give an argument or an input field a default value give the same one.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#argument_default_mismatch
/// </summary>
internal sealed class DefaultValueRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var field in MergedFields.Output(schema))
        {
            var resolving = MergedFields.Defined(schema, field.Sources).Where(d => !d.Element.IsExternal).ToList();
            foreach (var argument in field.Arguments)
            {
                var defaults = resolving.Select(d => (d.Subgraph, Value: d.Element.Argument(argument.Name)?.DefaultValue)).ToList();
                if (Incompatible(defaults))
                {
                    errors.Add(CompositionErrorCodes.ArgumentDefaultMismatch(argument.Coordinate, defaults.Select(Describe)));
                }
            }
        }

        foreach (var type in schema.Types.Values.Where(t => t.Kind == TypeKind.InputObject))
        {
            foreach (var field in type.Fields)
            {
                var defaults = MergedFields.Defined(schema, field.Sources).Select(d => (d.Subgraph, Value: d.Element.DefaultValue)).ToList();
                if (Incompatible(defaults))
                {
                    errors.Add(CompositionErrorCodes.InputFieldDefaultMismatch(field.Coordinate, defaults.Select(Describe)));
                }
            }
        }
    }

    private static bool Incompatible(List<(string Subgraph, ValueNode? Value)> defaults)
    {
        var given = defaults.Where(d => d.Value is not null).Select(d => SupergraphValues.Print(d.Value!)).Distinct(StringComparer.Ordinal).Count();
        return given > 1;
    }

    private static (string, string) Describe((string Subgraph, ValueNode? Value) entry) =>
        (entry.Subgraph, entry.Value is null ? "no default value" : "default value " + SupergraphValues.Print(entry.Value));
}
