using Federation.GraphQL.Introspection;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation;

/// <summary>How graphql-js prints a field (<c>Type.field</c>, meta fields as <c>&lt;meta&gt;.__type</c>).</summary>
internal static class FieldNames
{
    public static string Coordinate(NamedType parentType, OutputField field) =>
        (IsMetaField(field) ? "<meta>" : parentType.Name) + "." + field.Name;

    private static bool IsMetaField(OutputField field) =>
        ReferenceEquals(field, IntrospectionFields.TypeName) || ReferenceEquals(field, IntrospectionFields.Schema) || ReferenceEquals(field, IntrospectionFields.Type);
}
