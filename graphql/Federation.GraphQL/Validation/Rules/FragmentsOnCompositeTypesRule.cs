using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragments On Composite Types: "For each fragment defined in the document: The target type of
/// fragment must have kind UNION, INTERFACE, or OBJECT."
/// https://spec.graphql.org/September2025/#sec-Fragments-on-Composite-Types
/// </summary>
internal sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterInlineFragment(InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition
            && context.Schema.GetType(condition.Name.Value) is { } type
            && !TypeComparators.IsComposite(type))
        {
            context.ReportError(new GraphQLError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition));
        }

        return true;
    }

    public override bool EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (context.Schema.GetType(node.TypeCondition.Name.Value) is { } type && !TypeComparators.IsComposite(type))
        {
            context.ReportError(new GraphQLError(
                $"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{node.TypeCondition.Name.Value}\".",
                node.TypeCondition));
        }

        return true;
    }
}
