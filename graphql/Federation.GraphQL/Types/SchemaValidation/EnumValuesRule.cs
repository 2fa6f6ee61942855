namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "An Enum type must define one or more unique enum values."
/// https://spec.graphql.org/September2025/#sec-Enums.Type-Validation
/// Each value's name is <see cref="ReservedNamesRule"/>'s and <see cref="NameGrammarRule"/>'s.
/// </summary>
internal static class EnumValuesRule
{
    public static void Validate(SchemaValidationContext context, EnumType enumType)
    {
        if (enumType.Values.Count == 0)
        {
            context.ReportError(
                $"Enum type {enumType.Name} must define one or more values.",
                SchemaValidationContext.DefinitionAndExtensions(enumType));
        }

        UniqueNamesRule.ValidateEnumValues(context, enumType);
        foreach (var value in enumType.Values)
        {
            ReservedNamesRule.Validate(context, value.Name, value.Definition, isEnumValue: true);
        }
    }
}
