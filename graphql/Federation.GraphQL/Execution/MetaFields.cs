using Federation.GraphQL.Introspection;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// The introspection meta-fields <c>__schema</c> and <c>__type</c>, present on the query root type only:
/// https://spec.graphql.org/September2025/#sec-Schema-Introspection
/// (<c>__typename</c> is answered by the executor itself.)
/// </summary>
internal static class MetaFields
{
    public static OutputField? Find(Schema schema, ObjectType parentType, string fieldName)
    {
        if (fieldName.Length < 2 || fieldName[0] != '_' || fieldName[1] != '_' || !ReferenceEquals(parentType, schema.QueryType))
        {
            return null;
        }

        return fieldName switch
        {
            "__schema" => IntrospectionFields.Schema,
            "__type" => IntrospectionFields.Type,
            _ => null,
        };
    }
}
