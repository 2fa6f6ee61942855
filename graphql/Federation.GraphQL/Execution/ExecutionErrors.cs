using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>The execution errors raised inside fields, worded exactly as graphql-js 17 words them.</summary>
internal static class ExecutionErrors
{
    public static GraphQLException NullForNonNullField(FieldPlan field) =>
        Raise($"Cannot return null for non-nullable field {field.ParentType.Name}.{field.Node.Name.Value}.");

    public static GraphQLException NotIterable(FieldPlan field) =>
        Raise($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.Node.Name.Value}\".");

    public static GraphQLException SerializedToNull(ScalarType scalar, object value) =>
        Raise($"Expected `{scalar.Name}.coerceOutputValue({ErrorText.Inspect(value)})` to return non-nullable value, returned: null");

    public static GraphQLException NotOfType(ObjectType type, object value) =>
        Raise($"Expected value of type \"{type.Name}\" but got: {ErrorText.Inspect(value)}.");

    public static GraphQLException UnresolvedAbstractType(NamedType abstractType, FieldPlan field) =>
        Raise($"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.Node.Name.Value}\". Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.");

    public static GraphQLException UnknownRuntimeType(NamedType abstractType, string typeName) =>
        Raise($"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.");

    public static GraphQLException NonObjectRuntimeType(NamedType abstractType, string typeName) =>
        Raise($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\".");

    public static GraphQLException NotPossibleType(NamedType abstractType, ObjectType runtimeType) =>
        Raise($"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".");

    private static GraphQLException Raise(string message) => new(new GraphQLError(message));
}
