using Federation.GraphQL.Types.SchemaValidation;
using Federation.GraphQL.Types.Building;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// The subgraph with the federation additions is a valid GraphQL schema: it builds as a subgraph
/// server builds it (<see cref="SubgraphDocument"/>, the federation additions included) and passes the engine's schema validation.
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
            var document = SubgraphDocument.Parse(subgraph.Sdl);
            var schema = SchemaBuilder.FromDocument(document.Document);
            document.ResolvableKeys(schema);
            foreach (var error in SchemaValidator.Validate(schema))
            {
                errors.Add(CompositionErrorCodes.InvalidGraphQL(subgraph.Name, error.Message));
            }
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
