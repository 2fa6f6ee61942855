using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation;

/// <summary>
/// The meta fields that every selection may use (https://spec.graphql.org/September2025/#sec-Schema-Introspection).
/// TEMPORARY stand-ins until the introspection types land; replaced by Introspection's own definitions.
/// </summary>
internal static class MetaFields
{
    private static readonly ScalarType StringType = new("String");

    public static OutputField TypeName { get; } = new("__typename", new NonNullType(StringType));

    public static OutputField Schema { get; } = new("__schema", new NonNullType(new ObjectType("__Schema", () => [])));

    public static OutputField Type { get; } = new("__type", new ObjectType("__Type", () => []))
    {
        Arguments = [new InputValue("name", new NonNullType(StringType))],
    };

    public static bool IsMetaField(OutputField field) =>
        ReferenceEquals(field, TypeName) || ReferenceEquals(field, Schema) || ReferenceEquals(field, Type);
}
