using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "All directives within a GraphQL schema must have unique names."
/// https://spec.graphql.org/September2025/#sec-Type-System.Directives.Validation
/// </summary>
internal sealed class UniqueDirectiveNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, NameNode> known = [];

    public override bool EnterDirectiveDefinition(DirectiveDefinitionNode node)
    {
        var name = node.Name.Value;
        if (context.SchemaOrNull?.GetDirective(name) is not null)
        {
            context.ReportError(new GraphQLError($"Directive \"@{name}\" already exists in the schema. It cannot be redefined.", node.Name));
            return true;
        }

        if (known.TryGetValue(name, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one directive named \"@{name}\".", first, node.Name));
        }
        else
        {
            known[name] = node.Name;
        }

        return false;
    }
}
