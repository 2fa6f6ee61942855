using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// SDL: "The named type must already be defined and must be a type of the same kind" as the
/// extension (scalar, object, interface, union, enum or input object).
/// https://spec.graphql.org/September2025/#sec-Object-Extensions.Type-Validation
/// </summary>
internal sealed class PossibleTypeExtensionsRule : RuleVisitor
{
    private readonly AstValidationContext context;
    private readonly Dictionary<string, TypeDefinitionNode> definedTypes = [];

    public PossibleTypeExtensionsRule(AstValidationContext context)
    {
        this.context = context;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                definedTypes[type.Name.Value] = type;
            }
        }
    }

    public override bool EnterTypeExtension(TypeExtensionNode node)
    {
        var typeName = node.Name.Value;
        var schema = context.SchemaOrNull;
        SyntaxKind? expectedKind = null;
        if (definedTypes.TryGetValue(typeName, out var definition))
        {
            expectedKind = ExtensionKindOf(definition.Kind);
        }
        else if (schema?.GetType(typeName) is { } existing)
        {
            expectedKind = existing switch
            {
                ScalarType => SyntaxKind.ScalarTypeExtension,
                ObjectType => SyntaxKind.ObjectTypeExtension,
                InterfaceType => SyntaxKind.InterfaceTypeExtension,
                UnionType => SyntaxKind.UnionTypeExtension,
                EnumType => SyntaxKind.EnumTypeExtension,
                _ => SyntaxKind.InputObjectTypeExtension,
            };
        }

        if (expectedKind is { } kind)
        {
            if (kind != node.Kind)
            {
                var message = $"Cannot extend non-{KindName(node.Kind)} type \"{typeName}\".";
                context.ReportError(definition is not null ? new GraphQLError(message, definition, node) : new GraphQLError(message, node));
            }
        }
        else
        {
            var allTypeNames = new List<string>(definedTypes.Keys);
            if (schema is not null)
            {
                allTypeNames.AddRange(schema.Types.Select(t => t.Name));
            }

            context.ReportError(new GraphQLError(
                $"Cannot extend type \"{typeName}\" because it is not defined." + Suggestions.DidYouMean(Suggestions.List(typeName, allTypeNames)),
                node.Name));
        }

        return true;
    }

    private static SyntaxKind ExtensionKindOf(SyntaxKind definitionKind) => definitionKind switch
    {
        SyntaxKind.ScalarTypeDefinition => SyntaxKind.ScalarTypeExtension,
        SyntaxKind.ObjectTypeDefinition => SyntaxKind.ObjectTypeExtension,
        SyntaxKind.InterfaceTypeDefinition => SyntaxKind.InterfaceTypeExtension,
        SyntaxKind.UnionTypeDefinition => SyntaxKind.UnionTypeExtension,
        SyntaxKind.EnumTypeDefinition => SyntaxKind.EnumTypeExtension,
        _ => SyntaxKind.InputObjectTypeExtension,
    };

    private static string KindName(SyntaxKind extensionKind) => extensionKind switch
    {
        SyntaxKind.ScalarTypeExtension => "scalar",
        SyntaxKind.ObjectTypeExtension => "object",
        SyntaxKind.InterfaceTypeExtension => "interface",
        SyntaxKind.UnionTypeExtension => "union",
        SyntaxKind.EnumTypeExtension => "enum",
        _ => "input object",
    };
}
