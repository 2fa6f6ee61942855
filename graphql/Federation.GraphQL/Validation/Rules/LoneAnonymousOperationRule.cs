using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Lone Anonymous Operation: "Let operations be all operation definitions in the document. Let
/// anonymous be all anonymous operation definitions in the document. If operations is a set of
/// more than 1: anonymous must be empty."
/// https://spec.graphql.org/September2025/#sec-Lone-Anonymous-Operation
/// </summary>
internal sealed class LoneAnonymousOperationRule(AstValidationContext context) : RuleVisitor
{
    private int operationCount;

    public override bool EnterDocument(DocumentNode node)
    {
        foreach (var definition in node.Definitions)
        {
            if (definition is OperationDefinitionNode)
            {
                operationCount++;
            }
        }

        return true;
    }

    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is null && operationCount > 1)
        {
            context.ReportError(new GraphQLError("This anonymous operation must be the only defined operation.", node));
        }

        return true;
    }
}
