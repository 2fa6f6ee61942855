using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Values of Correct Type: "For each literal Input Value value in the document: Let type be the
/// type expected in the position value is found. value must be coercible to type (with the
/// assumption that any variableUsage nested within value will represent a runtime value valid for
/// usage in its position)." Includes OneOf Input Objects: exactly one field, not null.
/// https://spec.graphql.org/September2025/#sec-Values-of-Correct-Type
/// </summary>
internal sealed class ValuesOfCorrectTypeRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterValue(ValueNode node)
    {
        var type = node is ListValueNode ? context.ParentInputType : context.InputType;
        if (type is not null)
        {
            InputValidation.ValidateLiteral(node, type, variables: null, Report, context.HideSuggestions);
        }

        return false;
    }

    // A custom scalar may throw an error that names no place; it is placed at the literal.
    private void Report(GraphQLError error, SyntaxNode node, IReadOnlyList<object> path) =>
        context.ReportError(error.Locations.Count == 0 ? new GraphQLError(error.Message, node) { Extensions = error.Extensions } : error);
}
