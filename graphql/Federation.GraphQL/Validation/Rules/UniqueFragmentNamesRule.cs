using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Name Uniqueness: "For each fragment definition fragment in the document: Let
/// fragmentName be the name of fragment. Let fragments be all fragment definitions in the document
/// named fragmentName. fragments must be a set of one."
/// https://spec.graphql.org/September2025/#sec-Fragment-Name-Uniqueness
/// </summary>
internal sealed class UniqueFragmentNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, NameNode> known = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node) => false;

    public override bool EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        var name = node.Name.Value;
        if (known.TryGetValue(name, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one fragment named \"{name}\".", first, node.Name));
        }
        else
        {
            known[name] = node.Name;
        }

        return false;
    }
}
