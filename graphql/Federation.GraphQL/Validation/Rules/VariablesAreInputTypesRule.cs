using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Variables Are Input Types: "For each operation in a document: For each variable on each
/// operation: Let variableType be the type of variable. IsInputType(variableType) must be true."
/// https://spec.graphql.org/September2025/#sec-Variables-Are-Input-Types
/// </summary>
internal sealed class VariablesAreInputTypesRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterVariableDefinition(VariableDefinitionNode node)
    {
        var type = TypeInfo.TypeFromSyntax(context.Schema, node.Type);
        if (type is not null && !type.IsInputType)
        {
            context.ReportError(new GraphQLError(
                $"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".",
                node.Type));
        }

        return true;
    }
}
