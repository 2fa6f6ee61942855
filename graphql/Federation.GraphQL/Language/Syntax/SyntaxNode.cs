namespace Federation.GraphQL.Language.Syntax;

/// <summary>
/// Where a node sits in its source: character offsets (end exclusive) and the
/// 1-based line and column of its first character.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column);

/// <summary>
/// Base of every syntax tree node. Nodes are immutable; edit them with <c>with</c>.
/// Equality of whole trees ignoring locations is <see cref="SyntaxComparer"/>'s job.
/// </summary>
public abstract record SyntaxNode
{
    public abstract SyntaxKind Kind { get; }

    /// <summary>Null for nodes built in code rather than parsed.</summary>
    public Location? Location { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#Name</summary>
public sealed record NameNode(string Value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Name;

    public override string ToString() => Value;
}

/// <summary>https://spec.graphql.org/September2025/#Document</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Document;
}

/// <summary>https://spec.graphql.org/September2025/#Definition</summary>
public abstract record DefinitionNode : SyntaxNode;

/// <summary>A node that directives can be applied to.</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>https://spec.graphql.org/September2025/#Directive</summary>
public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Directive;
}

/// <summary>https://spec.graphql.org/September2025/#Argument</summary>
public sealed record ArgumentNode(NameNode Name, ValueNode Value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Argument;
}
