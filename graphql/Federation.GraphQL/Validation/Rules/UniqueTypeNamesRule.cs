using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "All types within a GraphQL schema must have unique names. No two provided types may have
/// the same name."
/// https://spec.graphql.org/September2025/#sec-Types
/// </summary>
internal sealed class UniqueTypeNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Dictionary<string, NameNode> known = [];

    public override bool EnterTypeDefinition(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        if (context.SchemaOrNull?.GetType(name) is not null)
        {
            context.ReportError(new GraphQLError($"Type \"{name}\" already exists in the schema. It cannot also be defined in this type definition.", node.Name));
            return true;
        }

        if (known.TryGetValue(name, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one type named \"{name}\".", first, node.Name));
        }
        else
        {
            known[name] = node.Name;
        }

        return false;
    }
}
