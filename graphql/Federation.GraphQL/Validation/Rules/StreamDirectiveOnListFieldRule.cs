using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Not in the September 2025 specification: the incremental delivery proposal's rule, kept because
/// graphql-js 17 runs it. "@stream may only be used on fields of list type."
/// https://github.com/graphql/graphql-spec/pull/742
/// </summary>
internal sealed class StreamDirectiveOnListFieldRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterDirective(DirectiveNode node)
    {
        if (context.FieldDef is { } fieldDef
            && context.ParentType is { } parentType
            && node.Name.Value == "stream"
            && fieldDef.Type.Nullable is not ListType)
        {
            context.ReportError(new GraphQLError(
                $"Directive \"@stream\" cannot be used on non-list field \"{parentType.Name}.{fieldDef.Name}\".",
                node));
        }

        return true;
    }
}
