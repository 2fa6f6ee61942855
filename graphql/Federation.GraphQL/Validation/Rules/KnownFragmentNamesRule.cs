using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Target Defined: "For every namedSpread in the document: Let fragment be the
/// target of namedSpread. fragment must be defined in the document."
/// https://spec.graphql.org/September2025/#sec-Fragment-Spread-Target-Defined
/// </summary>
internal sealed class KnownFragmentNamesRule(AstValidationContext context) : RuleVisitor
{
    public override bool EnterFragmentSpread(FragmentSpreadNode node)
    {
        if (context.GetFragment(node.Name.Value) is null)
        {
            context.ReportError(new GraphQLError($"Unknown fragment \"{node.Name.Value}\".", node.Name));
        }

        return true;
    }
}
