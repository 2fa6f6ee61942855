using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>https://spec.graphql.org/September2025/#sec-Types — a named type or a wrapper.</summary>
public abstract class GraphQLType
{
    /// <summary>The named type under all List and Non-Null wrappers.</summary>
    public abstract NamedType Named { get; }

    public bool IsNonNull => this is NonNullType;

    /// <summary>The type with an outer Non-Null removed.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    public bool IsInputType => Named is ScalarType or EnumType or InputObjectType;

    public bool IsOutputType => Named is ScalarType or EnumType or ObjectType or InterfaceType or UnionType;

    public bool IsLeafType => Named is ScalarType or EnumType;

    public abstract override string ToString();
}

/// <summary>https://spec.graphql.org/September2025/#sec-List</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;

    public override NamedType Named => OfType.Named;

    public override string ToString() => $"[{OfType}]";
}

/// <summary>https://spec.graphql.org/September2025/#sec-Non-Null</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected {ofType} to be a nullable type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override NamedType Named => OfType.Named;

    public override string ToString() => $"{OfType}!";
}

/// <summary>https://spec.graphql.org/September2025/#sec-Types — a type with a name.</summary>
public abstract class NamedType(string name) : GraphQLType
{
    public string Name { get; } = name;

    public string? Description { get; init; }

    /// <summary>Directives applied to the type in SDL, for tools such as federation.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    /// <summary>The definition this type was built from, if any.</summary>
    public TypeDefinitionNode? Definition { get; init; }

    /// <summary>The extensions folded into this type, if any.</summary>
    public IReadOnlyList<TypeExtensionNode> ExtensionDefinitions { get; init; } = [];

    /// <summary>True for the introspection types (<c>__Schema</c> and friends).</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    public override NamedType Named => this;

    public override string ToString() => Name;
}
