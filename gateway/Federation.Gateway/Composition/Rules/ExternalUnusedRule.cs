namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// An <c>@external</c> field is used by a key, a <c>@requires</c> or a <c>@provides</c> of its
/// subgraph, or satisfies an interface; otherwise declaring it has no use.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#external_unused
/// </summary>
internal sealed class ExternalUnusedRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types)
        {
            foreach (var field in type.Fields)
            {
                if (field.IsExternal && !field.IsUsed && !SatisfiesInterface(subgraph, type, field.Name))
                {
                    errors.Add(CompositionErrorCodes.ExternalUnused(subgraph.Name, field.Coordinate));
                }
            }
        }
    }

    private static bool SatisfiesInterface(SubgraphSchema subgraph, SubgraphType type, string fieldName) =>
        type.Interfaces.Exists(i => subgraph.Type(i)?.Field(fieldName) is not null);
}
