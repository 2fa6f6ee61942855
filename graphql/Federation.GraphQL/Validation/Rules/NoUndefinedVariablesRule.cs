using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Uses Defined: "For each operation in a document: For each variableUsage in scope,
/// variable must be in operation's variable list." Fragments used by the operation are in scope.
/// https://spec.graphql.org/September2025/#sec-All-Variable-Uses-Defined
/// </summary>
internal sealed class NoUndefinedVariablesRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        var defined = new HashSet<string>();
        foreach (var definition in node.VariableDefinitions)
        {
            defined.Add(definition.Variable.Name.Value);
        }

        foreach (var usage in context.GetRecursiveVariableUsages(node))
        {
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
            {
                context.ReportError(new GraphQLError(
                    node.Name is { } operationName
                        ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is not defined.",
                    usage.Node,
                    node));
            }
        }

        return true;
    }
}
