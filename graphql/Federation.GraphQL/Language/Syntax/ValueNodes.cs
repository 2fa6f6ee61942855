namespace Federation.GraphQL.Language.Syntax;

/// <summary>https://spec.graphql.org/September2025/#Value</summary>
public abstract record ValueNode : SyntaxNode;

/// <summary>https://spec.graphql.org/September2025/#Variable</summary>
public sealed record VariableNode(NameNode Name) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.Variable;
}

/// <summary>https://spec.graphql.org/September2025/#IntValue — the literal text, unparsed.</summary>
public sealed record IntValueNode(string Value) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;
}

/// <summary>https://spec.graphql.org/September2025/#FloatValue — the literal text, unparsed.</summary>
public sealed record FloatValueNode(string Value) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.FloatValue;
}

/// <summary>https://spec.graphql.org/September2025/#StringValue — the cooked value.</summary>
public sealed record StringValueNode(string Value, bool Block = false) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;
}

/// <summary>https://spec.graphql.org/September2025/#BooleanValue</summary>
public sealed record BooleanValueNode(bool Value) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;
}

/// <summary>https://spec.graphql.org/September2025/#NullValue</summary>
public sealed record NullValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}

/// <summary>https://spec.graphql.org/September2025/#EnumValue</summary>
public sealed record EnumValueNode(string Value) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;
}

/// <summary>https://spec.graphql.org/September2025/#ListValue</summary>
public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;
}

/// <summary>https://spec.graphql.org/September2025/#ObjectValue</summary>
public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;
}

/// <summary>https://spec.graphql.org/September2025/#ObjectField</summary>
public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;
}
