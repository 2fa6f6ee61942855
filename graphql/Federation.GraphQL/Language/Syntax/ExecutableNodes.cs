namespace Federation.GraphQL.Language.Syntax;

/// <summary>https://spec.graphql.org/September2025/#ExecutableDefinition</summary>
public abstract record ExecutableDefinitionNode : DefinitionNode, IHasDirectives
{
    /// <summary>September 2025: executable definitions may carry a description.</summary>
    public StringValueNode? Description { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }

    public abstract SelectionSetNode SelectionSet { get; init; }
}

public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>https://spec.graphql.org/September2025/#OperationDefinition</summary>
public sealed record OperationDefinitionNode(
    OperationType Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    public override SelectionSetNode SelectionSet { get; init; } = SelectionSet;
}

/// <summary>https://spec.graphql.org/September2025/#VariableDefinition</summary>
public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode, IHasDirectives
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    public StringValueNode? Description { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#FragmentDefinition</summary>
public sealed record FragmentDefinitionNode(
    NameNode Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    public override SelectionSetNode SelectionSet { get; init; } = SelectionSet;
}

/// <summary>https://spec.graphql.org/September2025/#SelectionSet</summary>
public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;
}

/// <summary>https://spec.graphql.org/September2025/#Selection</summary>
public abstract record SelectionNode : SyntaxNode, IHasDirectives
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}

/// <summary>https://spec.graphql.org/September2025/#Field</summary>
public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;

    /// <summary>The key of this field in the response: the alias, or else the name.</summary>
    public string ResponseName => Alias?.Value ?? Name.Value;
}

/// <summary>https://spec.graphql.org/September2025/#FragmentSpread</summary>
public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}

/// <summary>https://spec.graphql.org/September2025/#InlineFragment</summary>
public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = Directives;
}
