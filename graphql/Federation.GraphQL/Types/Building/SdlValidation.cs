using Federation.GraphQL.Introspection;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Types.Building;

/// <summary>
/// The one place where SDL is checked before a schema is built from it (graphql-js's
/// assertValidSDL / assertValidSDLExtension). Until the validation layer's SDL rules are wired in
/// here, it checks what the builder cannot do without: every named type exists, every type is
/// defined once and every extended type is defined.
/// </summary>
internal static class SdlValidation
{
    public static void AssertValid(DocumentNode document, Schema? existing)
    {
        var errors = new List<GraphQLError>();
        var defined = new Dictionary<string, TypeDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                if (existing?.GetType(type.Name.Value) is not null)
                {
                    errors.Add(new GraphQLError(
                        $"Type \"{type.Name.Value}\" already exists in the schema. It cannot also be defined in this type definition.", type.Name));
                }
                else if (!defined.TryAdd(type.Name.Value, type))
                {
                    errors.Add(new GraphQLError($"There can be only one type named \"{type.Name.Value}\".", defined[type.Name.Value].Name, type.Name));
                }
            }
        }

        bool IsKnown(string name) =>
            defined.ContainsKey(name) || SpecifiedScalars.Get(name) is not null || IntrospectionTypes.Get(name) is not null || existing?.GetType(name) is not null;

        foreach (var definition in document.Definitions)
        {
            if (definition is TypeExtensionNode extension && !IsKnown(extension.Name.Value))
            {
                errors.Add(new GraphQLError($"Cannot extend type \"{extension.Name.Value}\" because it is not defined.", extension.Name));
            }

            foreach (var reference in TypeReferences(definition))
            {
                if (!IsKnown(reference.Name.Value))
                {
                    errors.Add(new GraphQLError($"Unknown type \"{reference.Name.Value}\".", reference));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidSdlException(errors);
        }
    }

    private static IEnumerable<NamedTypeNode> TypeReferences(DefinitionNode definition)
    {
        switch (definition)
        {
            case SchemaDefinitionNode schema:
                return schema.OperationTypes.Select(o => o.Type);
            case SchemaExtensionNode schema:
                return schema.OperationTypes.Select(o => o.Type);
            case ObjectTypeDefinitionNode o:
                return o.Interfaces.Concat(FieldTypes(o.Fields));
            case ObjectTypeExtensionNode o:
                return o.Interfaces.Concat(FieldTypes(o.Fields));
            case InterfaceTypeDefinitionNode i:
                return i.Interfaces.Concat(FieldTypes(i.Fields));
            case InterfaceTypeExtensionNode i:
                return i.Interfaces.Concat(FieldTypes(i.Fields));
            case UnionTypeDefinitionNode u:
                return u.Types;
            case UnionTypeExtensionNode u:
                return u.Types;
            case InputObjectTypeDefinitionNode input:
                return input.Fields.Select(f => NamedOf(f.Type));
            case InputObjectTypeExtensionNode input:
                return input.Fields.Select(f => NamedOf(f.Type));
            case DirectiveDefinitionNode directive:
                return directive.Arguments.Select(a => NamedOf(a.Type));
            default:
                return [];
        }
    }

    private static IEnumerable<NamedTypeNode> FieldTypes(IEnumerable<FieldDefinitionNode> fields) =>
        fields.SelectMany(f => f.Arguments.Select(a => NamedOf(a.Type)).Prepend(NamedOf(f.Type)));

    private static NamedTypeNode NamedOf(TypeNode type) => type switch
    {
        NamedTypeNode named => named,
        ListTypeNode list => NamedOf(list.Type),
        NonNullTypeNode nonNull => NamedOf(nonNull.Type),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
