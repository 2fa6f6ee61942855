namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Some subgraph has a query field: a supergraph needs a query root type.
/// https://spec.graphql.org/September2025/#sec-Root-Operation-Types
/// </summary>
internal sealed class NoQueriesRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        if (!schema.RootKinds().Contains("query"))
        {
            errors.Add(CompositionErrorCodes.NoQueries());
        }
    }
}
