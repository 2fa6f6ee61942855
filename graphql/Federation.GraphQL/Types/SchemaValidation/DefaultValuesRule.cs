using Federation.GraphQL.Execution;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "If a default value is defined, it must be compatible with the argument's type according to
/// the input coercion rules."
/// https://spec.graphql.org/September2025/#sec-Objects.Type-Validation (and the same for input
/// fields and directive arguments). graphql-js 17.1.0 checks this in validateSchema.
/// </summary>
internal static class DefaultValuesRule
{
    /// <param name="coordinate">The argument's or input field's coordinate, which starts each message.</param>
    public static void Validate(SchemaValidationContext context, string coordinate, InputValue inputValue)
    {
        if (inputValue.DefaultValue is not { } defaultValue)
        {
            return;
        }

        InputValidation.ValidateLiteral(defaultValue, inputValue.Type, variables: null, (error, _, path) =>
        {
            var message = $"{coordinate} has invalid default value{InputValidation.PrintPath(path)}: {error.Message}";
            if (error.Locations.Count != 0)
            {
                context.ReportError(message, error.Locations);
            }
            else
            {
                context.ReportError(message, inputValue.Definition?.DefaultValue);
            }
        });
    }
}
