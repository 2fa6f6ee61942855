using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Operation Type Existence: "For each operation definition operation in the document: Let
/// rootOperationType be the root operation type in schema corresponding to the kind of operation.
/// rootOperationType must exist."
/// https://spec.graphql.org/September2025/#sec-Operation-Type-Existence
/// </summary>
internal sealed class KnownOperationTypesRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (context.Schema.GetRootType(node.Operation) is null)
        {
            context.ReportError(new GraphQLError($"The {OperationNames.Of(node.Operation)} operation is not supported by the schema.", node));
        }

        return true;
    }
}
