using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Validation;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "An Object type may declare that it implements one or more unique interfaces. An Object type
/// must be a super-set of all interfaces it implements: Let this object type be {objectType}. For
/// each interface declared implemented as {interfaceType}, {IsValidImplementation(objectType,
/// interfaceType)} must be {true}." — and for interfaces: "An Interface type may declare that it
/// implements one or more unique interfaces, but may not implement itself."
/// https://spec.graphql.org/September2025/#sec-Objects.Type-Validation
/// https://spec.graphql.org/September2025/#sec-Interfaces.Type-Validation
/// https://spec.graphql.org/September2025/#IsValidImplementation() and
/// https://spec.graphql.org/September2025/#IsValidImplementationFieldType()
/// </summary>
internal static class InterfaceImplementationsRule
{
    public static void Validate(SchemaValidationContext context, FieldsType type)
    {
        var implemented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in Declared(type))
        {
            if (declared is not InterfaceType iface)
            {
                context.ReportError(
                    $"Type {type.Name} must only implement Interface types, it cannot implement {declared.Name}.",
                    ImplementsNodes(type, declared.Name));
                continue;
            }

            if (iface == type)
            {
                context.ReportError(
                    $"Type {type.Name} cannot implement itself because it would create a circular reference.",
                    ImplementsNodes(type, iface.Name));
                continue;
            }

            if (!implemented.Add(iface.Name))
            {
                context.ReportError($"Type {type.Name} can only implement {iface.Name} once.", ImplementsNodes(type, iface.Name));
                continue;
            }

            ValidateAncestors(context, type, iface);
            ValidateImplementation(context, type, iface);
        }
    }

    /// <summary>"{implementedType} must also be implemented by {type}" for each interface that {iface} implements.</summary>
    private static void ValidateAncestors(SchemaValidationContext context, FieldsType type, InterfaceType iface)
    {
        var declared = Declared(type);
        foreach (var transitive in Declared(iface))
        {
            if (declared.Contains(transitive))
            {
                continue;
            }

            var message = transitive == type
                ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.";
            var nodes = ImplementsNodes(iface, transitive.Name);
            nodes.AddRange(ImplementsNodes(type, iface.Name));
            context.ReportError(message, nodes);
        }
    }

    private static void ValidateImplementation(SchemaValidationContext context, FieldsType type, InterfaceType iface)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var ifaceCoordinate = SchemaValidationContext.FieldCoordinate(iface, ifaceField.Name);
            if (type.GetField(ifaceField.Name) is not { } typeField)
            {
                var nodes = SchemaValidationContext.DefinitionAndExtensions(type);
                nodes.Insert(0, ifaceField.Definition);
                context.ReportError($"Interface field {ifaceCoordinate} expected but {type.Name} does not provide it.", nodes);
                continue;
            }

            var typeCoordinate = SchemaValidationContext.FieldCoordinate(type, typeField.Name);
            if (!TypeComparators.IsTypeSubTypeOf(context.Schema, typeField.Type, ifaceField.Type))
            {
                context.ReportError(
                    $"Interface field {ifaceCoordinate} expects type {ifaceField.Type} but {typeCoordinate} is type {typeField.Type}.",
                    ifaceField.Definition?.Type,
                    typeField.Definition?.Type);
            }

            foreach (var ifaceArgument in ifaceField.Arguments)
            {
                var ifaceArgumentCoordinate = SchemaValidationContext.ArgumentCoordinate(ifaceCoordinate, ifaceArgument);
                if (typeField.GetArgument(ifaceArgument.Name) is not { } typeArgument)
                {
                    context.ReportError(
                        $"Interface field argument {ifaceArgumentCoordinate} expected but {typeCoordinate} does not provide it.",
                        ifaceArgument.Definition,
                        typeField.Definition);
                    continue;
                }

                if (!TypeComparators.IsEqualType(ifaceArgument.Type, typeArgument.Type))
                {
                    var typeArgumentCoordinate = SchemaValidationContext.ArgumentCoordinate(typeCoordinate, typeArgument);
                    context.ReportError(
                        $"Interface field argument {ifaceArgumentCoordinate} expects type {ifaceArgument.Type} but {typeArgumentCoordinate} is type {typeArgument.Type}.",
                        ifaceArgument.Definition?.Type,
                        typeArgument.Definition?.Type);
                }
            }

            foreach (var typeArgument in typeField.Arguments)
            {
                if (SchemaValidationContext.IsRequired(typeArgument) && ifaceField.GetArgument(typeArgument.Name) is null)
                {
                    var typeArgumentCoordinate = SchemaValidationContext.ArgumentCoordinate(typeCoordinate, typeArgument);
                    context.ReportError(
                        $"Argument \"{typeArgumentCoordinate}\" must not be required type \"{typeArgument.Type}\" if not provided by the Interface field \"{ifaceCoordinate}\".",
                        typeArgument.Definition,
                        ifaceField.Definition);
                }
            }

            if (typeField.IsDeprecated && !ifaceField.IsDeprecated)
            {
                context.ReportError(
                    $"Interface field {ifaceCoordinate} is not deprecated, so implementation field {typeCoordinate} must not be deprecated.",
                    SchemaValidationContext.DeprecatedDirective(typeField.Definition),
                    typeField.Definition?.Type);
            }
        }
    }

    /// <summary>What the type says it implements, interfaces or not.</summary>
    private static IReadOnlyList<NamedType> Declared(FieldsType type) =>
        type.DeclaredInterfaces is { } declared ? declared().ToArray() : type.Interfaces;

    /// <summary>Where the definition and extensions of <paramref name="type"/> name <paramref name="ifaceName"/> among their interfaces.</summary>
    private static List<SyntaxNode?> ImplementsNodes(FieldsType type, string ifaceName)
    {
        var nodes = new List<SyntaxNode?>();
        AddNamed(nodes, type.Definition switch
        {
            ObjectTypeDefinitionNode obj => obj.Interfaces,
            InterfaceTypeDefinitionNode inner => inner.Interfaces,
            _ => [],
        }, ifaceName);
        foreach (var extension in type.ExtensionDefinitions)
        {
            AddNamed(nodes, extension switch
            {
                ObjectTypeExtensionNode obj => obj.Interfaces,
                InterfaceTypeExtensionNode inner => inner.Interfaces,
                _ => [],
            }, ifaceName);
        }

        return nodes;
    }

    private static void AddNamed(List<SyntaxNode?> nodes, IReadOnlyList<NamedTypeNode> names, string name)
    {
        foreach (var node in names)
        {
            if (node.Name.Value == name)
            {
                nodes.Add(node);
            }
        }
    }
}
