namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// <c>@shareable</c> marks fields of object types: an interface field is resolved by its
/// implementations, which carry their own sharing.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#invalid_shareable_usage
/// </summary>
internal sealed class ShareableUsageRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var field in type.Fields.Where(f => f.Has("shareable")))
            {
                errors.Add(CompositionErrorCodes.InvalidShareableUsage(subgraph.Name, field.Coordinate));
            }
        }
    }
}
