using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "Any Name within a GraphQL type system must not start with two underscores {"__"} unless it
/// is part of the introspection system as defined by this specification."
/// https://spec.graphql.org/September2025/#sec-Names.Reserved-Names
/// </summary>
internal static class ReservedNamesRule
{
    /// <summary>Also checks the name against the Name grammar, which graphql-js does when a type is constructed.</summary>
    public static void Validate(SchemaValidationContext context, string name, SyntaxNode? definition, bool isEnumValue = false)
    {
        if (isEnumValue)
        {
            NameGrammarRule.ValidateEnumValue(context, name, definition);
        }
        else
        {
            NameGrammarRule.Validate(context, name, definition);
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            context.ReportError(
                $"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.",
                definition);
        }
    }
}
