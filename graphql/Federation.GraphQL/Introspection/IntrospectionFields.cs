using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Introspection;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Type-Name-Introspection — the meta-fields that
/// every selection may ask for: <c>__typename</c> anywhere, <c>__schema</c> and <c>__type</c>
/// on the query root type. They are not in any type's field list; look them up here.
/// </summary>
public static class IntrospectionFields
{
    public static OutputField Schema { get; } = new("__schema", new NonNullType(IntrospectionTypes.Schema))
    {
        Description = "Access the current type schema of this server.",
        Resolver = context => new(context.Schema),
    };

    public static OutputField Type { get; } = new("__type", IntrospectionTypes.Type)
    {
        Description = "Request the type information of a single type.",
        Arguments = [new InputValue("name", new NonNullType(SpecifiedScalars.String))],
        Resolver = context => new(
            context.Arguments.TryGetValue("name", out var name) && name is string typeName ? context.Schema.GetType(typeName) : null),
    };

    public static OutputField TypeName { get; } = new("__typename", new NonNullType(SpecifiedScalars.String))
    {
        Description = "The name of the current Object type at runtime.",
        Resolver = context => new(context.ParentType.Name),
    };

    /// <summary>
    /// The field named <paramref name="fieldName"/> of <paramref name="parentType"/>, counting the
    /// meta-fields (graphql-js <c>schema.getField</c>): <c>__schema</c> and <c>__type</c> only on the query type.
    /// </summary>
    public static OutputField? GetField(Types.Schema schema, NamedType parentType, string fieldName) => fieldName switch
    {
        "__schema" => ReferenceEquals(parentType, schema.QueryType) ? Schema : null,
        "__type" => ReferenceEquals(parentType, schema.QueryType) ? Type : null,
        "__typename" => TypeName,
        _ => (parentType as FieldsType)?.GetField(fieldName),
    };
}
