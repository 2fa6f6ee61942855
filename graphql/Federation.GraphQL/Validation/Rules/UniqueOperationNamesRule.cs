using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Operation Name Uniqueness: "For each operation definition operation in the document: Let
/// operationName be the name of operation. If operationName exists: Let operations be all
/// operation definitions in the document named operationName. operations must be a set of one."
/// https://spec.graphql.org/September2025/#sec-Operation-Name-Uniqueness
/// </summary>
internal sealed class UniqueOperationNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, NameNode> known = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is { } name)
        {
            if (known.TryGetValue(name.Value, out var first))
            {
                context.ReportError(new GraphQLError($"There can be only one operation named \"{name.Value}\".", first, name));
            }
            else
            {
                known[name.Value] = name;
            }
        }

        return false;
    }

    public override bool EnterFragmentDefinition(FragmentDefinitionNode node) => false;
}
