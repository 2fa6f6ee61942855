using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "Each root operation type must be defined at most once" across the schema definition and
/// its extensions, and not again for a schema that already has it.
/// https://spec.graphql.org/September2025/#sec-Root-Operation-Types
/// </summary>
internal sealed class UniqueOperationTypesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<OperationType, OperationTypeDefinitionNode> defined = [];

    public override bool EnterSchemaDefinition(SchemaDefinitionNode node)
    {
        Check(node.OperationTypes);
        return false;
    }

    public override bool EnterSchemaExtension(SchemaExtensionNode node)
    {
        Check(node.OperationTypes);
        return false;
    }

    private void Check(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var operationType in operationTypes)
        {
            var operation = operationType.Operation;
            var name = OperationNames.Of(operation);
            if (context.SchemaOrNull?.GetRootType(operation) is not null)
            {
                context.ReportError(new GraphQLError($"Type for {name} already defined in the schema. It cannot be redefined.", operationType));
            }
            else if (defined.TryGetValue(operation, out var first))
            {
                context.ReportError(new GraphQLError($"There can be only one {name} type in schema.", first, operationType));
            }
            else
            {
                defined[operation] = operationType;
            }
        }
    }
}
