namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// Type-system validation: the "Type Validation" sub-sections of
/// https://spec.graphql.org/September2025/#sec-Type-System, with graphql-js 17.1.0's
/// messages and locations. The result is kept on the schema, so callers may ask again cheaply.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Every error of the schema, in graphql-js's order; empty when the schema is valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.ValidationErrors ??= Run(schema);
    }

    /// <summary>Throws an <see cref="InvalidSchemaException"/> listing every error when the schema is invalid.</summary>
    public static void AssertValid(Schema schema)
    {
        var errors = Validate(schema);
        if (errors.Count != 0)
        {
            throw new InvalidSchemaException(errors);
        }
    }

    // The order of the checks is graphql-js's, so that errors come out in the same order.
    private static GraphQLError[] Run(Schema schema)
    {
        var context = new SchemaValidationContext(schema);
        RootOperationTypesRule.Validate(context);
        DirectiveDefinitionsRule.Validate(context);

        var defaultValueCycles = new DefaultValueCyclesRule(context);
        var finiteInputObjects = new InputObjectCircularReferencesRule(context);
        foreach (var type in schema.Types)
        {
            if (!SchemaValidationContext.IsIntrospectionType(type))
            {
                ReservedNamesRule.Validate(context, type.Name, type.Definition);
            }

            switch (type)
            {
                case FieldsType fieldsType:
                    FieldDefinitionsRule.Validate(context, fieldsType);
                    InterfaceImplementationsRule.Validate(context, fieldsType);
                    break;
                case UnionType union:
                    UnionMembersRule.Validate(context, union);
                    break;
                case EnumType enumType:
                    EnumValuesRule.Validate(context, enumType);
                    break;
                case InputObjectType inputObject:
                    InputObjectFieldsRule.Validate(context, inputObject);
                    finiteInputObjects.Add(inputObject);
                    defaultValueCycles.Validate(inputObject);
                    break;
            }
        }

        finiteInputObjects.Validate();
        return context.Errors;
    }
}

/// <summary>Thrown by <see cref="SchemaValidator.AssertValid"/>; the message lists every error as graphql-js's assertValidSchema does.</summary>
public sealed class InvalidSchemaException(IReadOnlyList<GraphQLError> errors)
    : GraphQLException(new GraphQLError(string.Join("\n\n", errors.Select(error => error.Message))))
{
    public IReadOnlyList<GraphQLError> Errors { get; } = errors;
}
