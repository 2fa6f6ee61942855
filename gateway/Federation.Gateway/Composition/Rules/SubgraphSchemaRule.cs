using Federation.GraphQL.Types.Building;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// The subgraph with the federation additions is a valid GraphQL schema (the engine's schema
/// validation, as a subgraph server would build it with <see cref="Subgraph.FromSdl"/>).
/// https://spec.graphql.org/September2025/#sec-Type-System
/// </summary>
internal sealed class SubgraphSchemaRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        if (errors.Exists(e => e.Subgraphs.Contains(subgraph.Name)))
        {
            return;
        }

        try
        {
            _ = Subgraph.FromSdl(subgraph.Sdl);
        }
        catch (InvalidSdlException exception)
        {
            foreach (var error in exception.Errors)
            {
                errors.Add(CompositionErrorCodes.InvalidGraphQL(subgraph.Name, error.Message));
            }
        }
        catch (ArgumentException exception)
        {
            errors.Add(CompositionErrorCodes.InvalidGraphQL(subgraph.Name, exception.Message));
        }
    }
}
