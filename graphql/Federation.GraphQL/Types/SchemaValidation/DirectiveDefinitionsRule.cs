namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "The directive must not have a name which begins with the characters {"__"} (two underscores). For each argument of the directive: The argument must not have a name which
/// begins with the characters {"__"} (two underscores). [...] The argument must accept a type
/// where {IsInputType(argumentType)} returns {true}. If the argument type is Non-Null and a default
/// value is not defined: The `@deprecated` directive must not be applied to this argument."
/// https://spec.graphql.org/September2025/#sec-Type-System.Directives.Validation
/// graphql-js also requires at least one location (the grammar does too).
/// </summary>
internal static class DirectiveDefinitionsRule
{
    public static void Validate(SchemaValidationContext context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            ReservedNamesRule.Validate(context, directive.Name, directive.Definition);
            if (directive.Locations.Count == 0)
            {
                context.ReportError($"Directive @{directive.Name} must include 1 or more locations.", directive.Definition);
            }

            UniqueNamesRule.ValidateArguments(context, "@" + directive.Name, directive.Arguments);
            foreach (var argument in directive.Arguments)
            {
                ArgumentDefinitionsRule.Validate(context, "@" + directive.Name, argument, typeErrorAtTypeNode: false);
            }
        }
    }
}
