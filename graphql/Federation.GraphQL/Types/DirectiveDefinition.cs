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
}

/// <summary>https://spec.graphql.org/September2025/#sec-Type-System.Directives</summary>
public sealed class DirectiveDefinition(string name, IReadOnlyList<DirectiveLocation> locations)
{
    public string Name { get; } = name;

    public IReadOnlyList<DirectiveLocation> Locations { get; } = locations;

    public string? Description { get; init; }

    public IReadOnlyList<InputValue> Arguments { get; init; } = [];

    public bool IsRepeatable { get; init; }

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
