namespace Federation.GraphQL.Language.Syntax;

/// <summary>https://spec.graphql.org/September2025/#TypeSystemDefinition</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode, IHasDirectives
{
    public StringValueNode? Description { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#TypeSystemExtension</summary>
public abstract record TypeSystemExtensionNode : DefinitionNode, IHasDirectives
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>A type definition or extension: anything that names a type.</summary>
public interface ITypeDefinitionOrExtension : IHasDirectives
{
    NameNode Name { get; }
}

/// <summary>https://spec.graphql.org/September2025/#SchemaDefinition</summary>
public sealed record SchemaDefinitionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaDefinition;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#RootOperationTypeDefinition</summary>
public sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;
}

/// <summary>https://spec.graphql.org/September2025/#SchemaExtension</summary>
public sealed record SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#TypeDefinition</summary>
public abstract record TypeDefinitionNode : TypeSystemDefinitionNode, ITypeDefinitionOrExtension
{
    public abstract NameNode Name { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#ScalarTypeDefinition</summary>
public sealed record ScalarTypeDefinitionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeDefinition;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#ObjectTypeDefinition</summary>
public sealed record ObjectTypeDefinitionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#FieldDefinition</summary>
public sealed record FieldDefinitionNode(
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#InputValueDefinition</summary>
public sealed record InputValueDefinitionNode(
    NameNode Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    public StringValueNode? Description { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#InterfaceTypeDefinition</summary>
public sealed record InterfaceTypeDefinitionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#UnionTypeDefinition</summary>
public sealed record UnionTypeDefinitionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#EnumTypeDefinition</summary>
public sealed record EnumTypeDefinitionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#EnumValueDefinition</summary>
public sealed record EnumValueDefinitionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    public StringValueNode? Description { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#InputObjectTypeDefinition</summary>
public sealed record InputObjectTypeDefinitionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#DirectiveDefinition</summary>
public sealed record DirectiveDefinitionNode(
    NameNode Name,
    IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable,
    IReadOnlyList<NameNode> Locations) : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>https://spec.graphql.org/September2025/#TypeExtension</summary>
public abstract record TypeExtensionNode : TypeSystemExtensionNode, ITypeDefinitionOrExtension
{
    public abstract NameNode Name { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#ScalarTypeExtension</summary>
public sealed record ScalarTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#ObjectTypeExtension</summary>
public sealed record ObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#InterfaceTypeExtension</summary>
public sealed record InterfaceTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields) : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#UnionTypeExtension</summary>
public sealed record UnionTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<NamedTypeNode> Types) : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#EnumTypeExtension</summary>
public sealed record EnumTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<EnumValueDefinitionNode> Values) : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#InputObjectTypeExtension</summary>
public sealed record InputObjectTypeExtensionNode(
    NameNode Name,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<InputValueDefinitionNode> Fields) : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    public override NameNode Name { get; init; } = Name;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>
/// <c>extend directive @name Directives</c>: graphql-js 17 accepts directives applied to a
/// directive definition and extensions adding more of them (not in the September 2025 spec).
/// </summary>
public sealed record DirectiveExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeSystemExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveExtension;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}
