using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Not in the September 2025 specification: the incremental delivery proposal's rule, kept because
/// graphql-js 17 runs it. "The label of @defer and @stream must be a static string, unique across
/// the document."
/// https://github.com/graphql/graphql-spec/pull/742
/// </summary>
internal sealed class DeferStreamDirectiveLabelRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, DirectiveNode> knownLabels = [];

    public override bool EnterDirective(DirectiveNode node)
    {
        var name = node.Name.Value;
        if (name is not ("defer" or "stream"))
        {
            return true;
        }

        ValueNode? label = null;
        foreach (var argument in node.Arguments)
        {
            if (argument.Name.Value == "label")
            {
                label = argument.Value;
                break;
            }
        }

        if (label is null or NullValueNode)
        {
            return true;
        }

        if (label is not StringValueNode text)
        {
            context.ReportError(new GraphQLError($"Argument \"@{name}(label:)\" must be a static string.", node));
            return true;
        }

        if (knownLabels.TryGetValue(text.Value, out var first))
        {
            context.ReportError(new GraphQLError(
                "Value for arguments \"defer(label:)\" and \"stream(label:)\" must be unique across all Defer/Stream directive usages.",
                first,
                node));
        }
        else
        {
            knownLabels[text.Value] = node;
        }

        return true;
    }
}
