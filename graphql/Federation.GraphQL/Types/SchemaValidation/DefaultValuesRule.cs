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

        InputLiteralValidator.Validate(defaultValue, inputValue.Type, (error, path) =>
        {
            var message = $"{coordinate} has invalid default value{PrintPath(path)}: {error.Message}";
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

    /// <summary>graphql-js's printPathArray: " at .field[0]", or nothing for the value itself.</summary>
    private static string PrintPath(IReadOnlyList<object> path)
    {
        if (path.Count == 0)
        {
            return "";
        }

        var builder = new System.Text.StringBuilder(" at ");
        foreach (var key in path)
        {
            builder.Append(key is int index ? $"[{index}]" : $".{key}");
        }

        return builder.ToString();
    }
}
