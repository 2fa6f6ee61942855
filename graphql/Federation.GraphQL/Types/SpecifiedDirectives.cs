namespace Federation.GraphQL.Types;

/// <summary>The built-in directives: @include @skip @deprecated @specifiedBy @oneOf.</summary>
public static class SpecifiedDirectives
{
    // Filled in by the types work: definitions with arguments and descriptions as graphql-js has them.
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [];
}
