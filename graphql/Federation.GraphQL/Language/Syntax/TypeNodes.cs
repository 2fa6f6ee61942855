namespace Federation.GraphQL.Language.Syntax;

/// <summary>https://spec.graphql.org/September2025/#Type</summary>
public abstract record TypeNode : SyntaxNode;

/// <summary>https://spec.graphql.org/September2025/#NamedType</summary>
public sealed record NamedTypeNode(NameNode Name) : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;
}

/// <summary>https://spec.graphql.org/September2025/#ListType</summary>
public sealed record ListTypeNode(TypeNode Type) : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ListType;
}

/// <summary>https://spec.graphql.org/September2025/#NonNullType — wraps a named or list type.</summary>
public sealed record NonNullTypeNode(TypeNode Type) : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;
}
