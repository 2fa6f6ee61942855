using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>
/// An argument of a field or directive, or a field of an input object:
/// https://spec.graphql.org/September2025/#sec-Field-Arguments
/// </summary>
public sealed class InputValue(string name, GraphQLType type)
{
    public string Name { get; } = name;

    public GraphQLType Type { get; } = type;

    public string? Description { get; init; }

    /// <summary>The default as written (a literal); null when there is no default.</summary>
    public ValueNode? DefaultValue { get; init; }

    public bool HasDefaultValue => DefaultValue is not null;

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public InputValueDefinitionNode? Definition { get; init; }

    public override string ToString() => $"{Name}: {Type}";
}

/// <summary>A field of an object or interface type: https://spec.graphql.org/September2025/#sec-Objects</summary>
public sealed class OutputField(string name, GraphQLType type)
{
    public string Name { get; } = name;

    public GraphQLType Type { get; } = type;

    public string? Description { get; init; }

    public IReadOnlyList<InputValue> Arguments { get; init; } = [];

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public FieldDefinitionNode? Definition { get; init; }

    /// <summary>How the field's value is produced; null means the executor's default resolver.</summary>
    public Execution.FieldResolver? Resolver { get; set; }

    public InputValue? GetArgument(string argumentName)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == argumentName)
            {
                return argument;
            }
        }

        return null;
    }

    public override string ToString() => $"{Name}: {Type}";
}
