using Federation.GraphQL.Execution;

namespace Federation.GraphQL.Types;

/// <summary>Attaching code to a schema built from SDL, by schema coordinate.</summary>
public sealed partial class Schema
{
    /// <summary>
    /// Sets the resolver of the field at <paramref name="coordinate"/>
    /// (https://spec.graphql.org/September2025/#sec-Schema-Coordinates), e.g. <c>"Query.person"</c>.
    /// Returns the schema, so that bindings chain.
    /// </summary>
    /// <exception cref="ArgumentException">No object or interface field has that coordinate.</exception>
    public Schema Bind(string coordinate, FieldResolver resolver)
    {
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        var field = dot > 0 && GetType(coordinate[..dot]) is FieldsType type ? type.GetField(coordinate[(dot + 1)..]) : null;
        if (field is null)
        {
            throw new ArgumentException($"The schema has no field \"{coordinate}\".", nameof(coordinate));
        }

        field.Resolver = resolver;
        return this;
    }

    /// <summary>Sets how the concrete object type of a value of the interface or union <paramref name="typeName"/> is found.</summary>
    /// <exception cref="ArgumentException">The schema has no interface or union of that name.</exception>
    public Schema BindType(string typeName, TypeResolver resolver)
    {
        switch (GetType(typeName))
        {
            case InterfaceType iface:
                iface.ResolveType = resolver;
                break;
            case UnionType union:
                union.ResolveType = resolver;
                break;
            default:
                throw new ArgumentException($"The schema has no interface or union \"{typeName}\".", nameof(typeName));
        }

        return this;
    }
}
