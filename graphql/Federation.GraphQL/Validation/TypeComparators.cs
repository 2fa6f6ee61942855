using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation;

/// <summary>Relations between types that validation needs (graphql-js <c>typeComparators</c>).</summary>
internal static class TypeComparators
{
    public static bool IsAbstract(NamedType? type) => type is InterfaceType or UnionType;

    public static bool IsComposite(GraphQLType? type) => type is ObjectType or InterfaceType or UnionType;

    /// <summary>Same type, wrappers included.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        _ when ReferenceEquals(a, b) => true,
        (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
        (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
        _ => false,
    };

    /// <summary>
    /// https://spec.graphql.org/September2025/#AreTypesCompatible — a value of <paramref name="maybeSubType"/>
    /// can be used where <paramref name="superType"/> is expected.
    /// </summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is InterfaceType or UnionType
            && maybeSubType is InterfaceType or ObjectType
            && schema.IsSubType((NamedType)superType, (NamedType)maybeSubType);
    }

    /// <summary>Whether some object type could be of both composite types.</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (IsAbstract(a))
        {
            if (IsAbstract(b))
            {
                foreach (var type in schema.GetPossibleTypes(a))
                {
                    if (schema.IsSubType(b, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return schema.IsSubType(a, b);
        }

        return IsAbstract(b) && schema.IsSubType(b, a);
    }
}
