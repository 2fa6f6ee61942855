using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Variable Uniqueness: "For every operation in the document: For every variable defined on
/// operation: Let variableName be the name of variable. Let variables be the set of all variables
/// named variableName on operation. variables must be a set of one."
/// https://spec.graphql.org/September2025/#sec-Variable-Uniqueness
/// </summary>
internal sealed class UniqueVariableNamesRule(AstValidationContext context) : RuleVisitor
{
    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        foreach (var (name, group) in Grouping.ByName(node.VariableDefinitions, v => v.Variable.Name.Value))
        {
            if (group.Count > 1)
            {
                context.ReportError(new GraphQLError(
                    $"There can be only one variable named \"${name}\".",
                    [.. group.Select(v => v.Variable.Name)]));
            }
        }

        return true;
    }
}
