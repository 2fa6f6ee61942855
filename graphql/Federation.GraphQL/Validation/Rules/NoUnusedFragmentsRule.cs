using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragments Must Be Used: "For each fragment defined in the document: fragment must be the target
/// of at least one spread in the document."
/// https://spec.graphql.org/September2025/#sec-Fragments-Must-Be-Used
/// </summary>
internal sealed class NoUnusedFragmentsRule(AstValidationContext context) : RuleVisitor
{
    private readonly List<OperationDefinitionNode> operations = [];
    private readonly List<FragmentDefinitionNode> fragments = [];

    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        operations.Add(node);
        return false;
    }

    public override bool EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        fragments.Add(node);
        return false;
    }

    public override void LeaveDocument(DocumentNode node)
    {
        var used = new HashSet<string>();
        foreach (var fragment in context.GetRecursivelyReferencedFragments(operations))
        {
            used.Add(fragment.Name.Value);
        }

        foreach (var fragment in fragments)
        {
            if (!used.Contains(fragment.Name.Value))
            {
                context.ReportError(new GraphQLError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment));
            }
        }
    }
}
