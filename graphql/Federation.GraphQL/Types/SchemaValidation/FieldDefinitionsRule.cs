namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "An Object type must define one or more fields. For each field of an Object type: [...] The
/// field must not have a name which begins with the characters {"__"} (two underscores). The field
/// must return a type where {IsOutputType(fieldType)} returns {true}."
/// https://spec.graphql.org/September2025/#sec-Objects.Type-Validation and the same for
/// interfaces: https://spec.graphql.org/September2025/#sec-Interfaces.Type-Validation
/// The arguments of each field are <see cref="ArgumentDefinitionsRule"/>'s.
/// </summary>
internal static class FieldDefinitionsRule
{
    public static void Validate(SchemaValidationContext context, FieldsType type)
    {
        var fields = type.Fields;
        if (fields.Count == 0)
        {
            context.ReportError(
                $"Type {type.Name} must define one or more fields.",
                SchemaValidationContext.DefinitionAndExtensions(type));
        }

        UniqueNamesRule.ValidateFields(context, type);
        foreach (var field in fields)
        {
            var coordinate = SchemaValidationContext.FieldCoordinate(type, field.Name);
            ReservedNamesRule.Validate(context, field.Name, field.Definition);
            if (!field.Type.IsOutputType)
            {
                context.ReportError(
                    $"The type of {coordinate} must be Output Type but got: {field.Type}.",
                    field.Definition?.Type);
            }

            UniqueNamesRule.ValidateArguments(context, coordinate, field.Arguments);
            foreach (var argument in field.Arguments)
            {
                ArgumentDefinitionsRule.Validate(context, coordinate, argument, typeErrorAtTypeNode: true);
            }
        }
    }
}
