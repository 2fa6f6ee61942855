using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "For each argument of the field: The argument must not have a name which begins with the
/// characters {"__"} (two underscores). The argument must accept a type where
/// {IsInputType(argumentType)} returns {true}. If argument type is Non-Null and a default value is
/// not defined: The `@deprecated` directive must not be applied to this argument."
/// https://spec.graphql.org/September2025/#sec-Objects.Type-Validation — the same for the
/// arguments of interface fields and of directives.
/// </summary>
internal static class ArgumentDefinitionsRule
{
    /// <param name="parent">The coordinate of the field or directive: <c>Type.field</c> or <c>@directive</c>.</param>
    /// <param name="typeErrorAtTypeNode">graphql-js points at the argument's type for fields but at the whole argument for directives.</param>
    public static void Validate(SchemaValidationContext context, string parent, InputValue argument, bool typeErrorAtTypeNode)
    {
        var coordinate = SchemaValidationContext.ArgumentCoordinate(parent, argument);
        var definition = argument.Definition;
        ReservedNamesRule.Validate(context, argument.Name, definition);
        if (!argument.Type.IsInputType)
        {
            context.ReportError(
                $"The type of {coordinate} must be Input Type but got: {argument.Type}.",
                typeErrorAtTypeNode ? definition?.Type : definition);
        }

        if (SchemaValidationContext.IsRequired(argument) && argument.IsDeprecated)
        {
            context.ReportError(
                $"Required argument {coordinate} cannot be deprecated.",
                SchemaValidationContext.DeprecatedDirective(definition),
                definition?.Type);
        }

        DefaultValuesRule.Validate(context, coordinate, argument);
    }
}
