namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A type has the same kind (object, interface, union, enum, input, scalar) in every subgraph that defines it.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#type_kind_mismatch
/// </summary>
internal sealed class TypeKindRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        foreach (var type in schema.Types.Values)
        {
            var kinds = schema.Subgraphs.Select(s => (s.Name, Type: s.Type(type.Name))).Where(s => s.Type is not null).ToList();
            if (kinds.Exists(k => k.Type!.MergedKind != type.Kind))
            {
                errors.Add(CompositionErrorCodes.TypeKindMismatch(type.Name, kinds.Select(k => (k.Name, k.Type!.IsInterfaceObject ? "Interface Object" : KindName(k.Type!.Kind)))));
            }
        }
    }

    private static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.InputObject => "Input Object",
        _ => kind.ToString(),
    };
}
