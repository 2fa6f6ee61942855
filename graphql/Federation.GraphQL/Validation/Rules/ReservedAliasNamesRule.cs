using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Reserved Names: "Any Name within a GraphQL type system must not start with two underscores
/// "__" unless it is part of the introspection system as defined by this specification."
/// https://spec.graphql.org/September2025/#sec-Names.Reserved-Names
/// <para>
/// Not a graphql-js rule. An alias is the name a field gets in the response, so an alias such as
/// <c>__typename</c> on another field (<c>{ __typename: name }</c>) makes the response claim a type
/// it does not have, and clients and gateways that read <c>__typename</c> to tell types apart are
/// misled. An alias beginning with "__" is refused unless it repeats the field's own name.
/// </para>
/// </summary>
internal sealed class ReservedAliasNamesRule(AstValidationContext context) : RuleVisitor
{
    public override bool EnterField(FieldNode node)
    {
        if (node.Alias is { } alias && alias.Value.StartsWith("__", StringComparison.Ordinal) && alias.Value != node.Name.Value)
        {
            context.ReportError(new GraphQLError(
                $"Alias \"{alias.Value}\" is reserved: names beginning with \"__\" belong to introspection. Choose an alias that does not begin with \"__\".",
                alias));
        }

        return true;
    }
}
