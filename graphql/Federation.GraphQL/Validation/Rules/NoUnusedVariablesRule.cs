using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// All Variables Used: "For every operation in the document: Let variables be the variables defined
/// by that operation. Each variable in variables must be used at least once in either the
/// operation scope itself or any fragment transitively referenced by that operation."
/// https://spec.graphql.org/September2025/#sec-All-Variables-Used
/// </summary>
internal sealed class NoUnusedVariablesRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        var used = new HashSet<string>();
        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            used.Add(usage.Node.Name.Value);
        }

        foreach (var definition in node.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
            {
                context.ReportError(new GraphQLError(
                    node.Name is { } operationName
                        ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is never used.",
                    definition));
            }
        }

        return true;
    }
}
