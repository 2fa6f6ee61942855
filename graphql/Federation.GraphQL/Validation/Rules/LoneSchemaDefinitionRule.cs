using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "A GraphQL schema is described by at most one schema definition" — and an extension of an
/// existing schema may not define a new one.
/// https://spec.graphql.org/September2025/#sec-Schema
/// </summary>
internal sealed class LoneSchemaDefinitionRule(AstValidationContext context) : RuleVisitor
{
    private readonly bool alreadyDefined = context.SchemaOrNull is { } schema
        && (schema.Definition is not null || schema.QueryType is not null || schema.MutationType is not null || schema.SubscriptionType is not null);

    private int count;

    public override bool EnterSchemaDefinition(SchemaDefinitionNode node)
    {
        if (alreadyDefined)
        {
            context.ReportError(new GraphQLError("Cannot define a new schema within a schema extension.", node));
            return true;
        }

        if (count > 0)
        {
            context.ReportError(new GraphQLError("Must provide only one schema definition.", node));
        }

        count++;
        return true;
    }
}
