using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Argument Uniqueness: "For each argument in the Document: Let argumentName be the Name of
/// argument. Let arguments be all Arguments named argumentName in the Argument Set which contains
/// argument. arguments must be the set containing only argument."
/// https://spec.graphql.org/September2025/#sec-Argument-Uniqueness
/// </summary>
internal sealed class UniqueArgumentNamesRule(AstValidationContext context) : RuleVisitor
{
    public override bool EnterField(FieldNode node)
    {
        Check(node.Arguments);
        return true;
    }

    public override bool EnterDirective(DirectiveNode node)
    {
        Check(node.Arguments);
        return true;
    }

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        foreach (var (name, group) in Grouping.ByName(arguments, a => a.Name.Value))
        {
            if (group.Count > 1)
            {
                context.ReportError(new GraphQLError($"There can be only one argument named \"{name}\".", [.. group.Select(a => a.Name)]));
            }
        }
    }
}
