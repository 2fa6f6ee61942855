namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "An Input Object type must define one or more input fields. For each input field of an Input
/// Object type: [...] The input field must not have a name which begins with the characters
/// {"__"} (two underscores). The input field must accept a type where {IsInputType(inputFieldType)}
/// returns {true}. If input field type is Non-Null and a default value is not defined: The
/// `@deprecated` directive must not be applied to this input field. If an Input Object is a
/// OneOf Input Object, [...] each input field must be nullable [and] must not have a default value."
/// https://spec.graphql.org/September2025/#sec-Input-Objects.Type-Validation
/// </summary>
internal static class InputObjectFieldsRule
{
    public static void Validate(SchemaValidationContext context, InputObjectType inputObject)
    {
        var fields = inputObject.Fields;
        if (fields.Count == 0)
        {
            context.ReportError(
                $"Input Object type {inputObject.Name} must define one or more fields.",
                SchemaValidationContext.DefinitionAndExtensions(inputObject));
        }

        UniqueNamesRule.ValidateInputFields(context, inputObject);
        foreach (var field in fields)
        {
            var coordinate = SchemaValidationContext.FieldCoordinate(inputObject, field.Name);
            ReservedNamesRule.Validate(context, field.Name, field.Definition);
            if (!field.Type.IsInputType)
            {
                context.ReportError(
                    $"The type of {coordinate} must be Input Type but got: {field.Type}.",
                    field.Definition?.Type);
            }

            if (SchemaValidationContext.IsRequired(field) && field.IsDeprecated)
            {
                context.ReportError(
                    $"Required input field {coordinate} cannot be deprecated.",
                    SchemaValidationContext.DeprecatedDirective(field.Definition),
                    field.Definition?.Type);
            }

            DefaultValuesRule.Validate(context, coordinate, field);
            if (inputObject.IsOneOf)
            {
                ValidateOneOfField(context, coordinate, field);
            }
        }
    }

    /// <summary>https://spec.graphql.org/September2025/#sec-OneOf-Input-Objects</summary>
    private static void ValidateOneOfField(SchemaValidationContext context, string coordinate, InputValue field)
    {
        if (field.Type is NonNullType)
        {
            context.ReportError($"OneOf input field {coordinate} must be nullable.", field.Definition?.Type);
        }

        if (field.HasDefaultValue)
        {
            context.ReportError($"OneOf input field {coordinate} cannot have a default value.", field.Definition);
        }
    }
}
