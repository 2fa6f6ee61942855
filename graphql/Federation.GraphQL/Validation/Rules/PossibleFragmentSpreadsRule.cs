using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Is Possible: "For each spread (named or inline) defined in the document: Let
/// fragment be the target of spread. Let fragmentType be the type condition of fragment. Let
/// parentType be the type of the selection set containing spread. Let applicableTypes be the
/// intersection of GetPossibleTypes(fragmentType) and GetPossibleTypes(parentType).
/// applicableTypes must not be empty."
/// https://spec.graphql.org/September2025/#sec-Fragment-Spread-Is-Possible
/// </summary>
internal sealed class PossibleFragmentSpreadsRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterInlineFragment(InlineFragmentNode node)
    {
        if (context.Type is NamedType fragmentType && TypeComparators.IsComposite(fragmentType)
            && context.ParentType is { } parentType && TypeComparators.IsComposite(parentType)
            && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType))
        {
            context.ReportError(new GraphQLError(
                $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                node));
        }

        return true;
    }

    public override bool EnterFragmentSpread(FragmentSpreadNode node)
    {
        var name = node.Name.Value;
        if (context.GetFragment(name) is { } fragment
            && context.Schema.GetType(fragment.TypeCondition.Name.Value) is { } fragmentType
            && TypeComparators.IsComposite(fragmentType)
            && context.ParentType is { } parentType
            && !TypeComparators.DoTypesOverlap(context.Schema, fragmentType, parentType))
        {
            context.ReportError(new GraphQLError(
                $"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                node));
        }

        return true;
    }
}
