using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>https://spec.graphql.org/September2025/#DirectiveLocations</summary>
public enum DirectiveLocation
{
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,

    /// <summary>Not in the September 2025 spec: graphql-js 17.1.0's experimental fragment arguments.</summary>
    FragmentVariableDefinition,

    /// <summary>Not in the September 2025 spec: graphql-js 17.1.0 lets @deprecated mark a directive.</summary>
    DirectiveDefinition,
}

/// <summary>https://spec.graphql.org/September2025/#sec-Type-System.Directives</summary>
public sealed class DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations)
{
    public string Name { get; } = name;

    public IReadOnlyList<DirectiveLocation> Locations { get; } = locations;

    public string? Description { get; init; }

    public IReadOnlyList<InputValue> Arguments { get; init; } = [];

    public bool IsRepeatable { get; init; }

    /// <summary>graphql-js 17.1.0 (not the spec) lets <c>@deprecated</c> mark directive definitions.</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>The <c>extend directive</c> definitions folded into this directive (graphql-js 17.1.0).</summary>
    public IReadOnlyList<DirectiveExtensionNode> ExtensionDefinitions { get; init; } = [];

    public DirectiveDefinitionNode? Definition { get; init; }

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

    public override string ToString() => "@" + Name;
}
