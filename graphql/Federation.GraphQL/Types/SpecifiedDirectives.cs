using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Types;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Type-System.Directives.Built-in-Directives —
/// @include @skip @deprecated @specifiedBy @oneOf, with arguments, descriptions and locations
/// as graphql-js 17.1.0's <c>specifiedDirectives</c> has them.
/// </summary>
public static class SpecifiedDirectives
{
    /// <summary>The reason <c>@deprecated</c> gives when none is written.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary>https://spec.graphql.org/September2025/#sec--include</summary>
    public static DirectiveDefinition Include { get; } = new(
        "include",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
        Arguments = [new InputValue("if", new NonNullType(SpecifiedScalars.Boolean)) { Description = "Included when true." }],
    };

    /// <summary>https://spec.graphql.org/September2025/#sec--skip</summary>
    public static DirectiveDefinition Skip { get; } = new(
        "skip",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
        Arguments = [new InputValue("if", new NonNullType(SpecifiedScalars.Boolean)) { Description = "Skipped when true." }],
    };

    /// <summary>
    /// https://spec.graphql.org/September2025/#sec--deprecated — graphql-js 17.1.0 also allows it
    /// on directive definitions (DIRECTIVE_DEFINITION), which the spec does not.
    /// </summary>
    public static DirectiveDefinition Deprecated { get; } = new(
        "deprecated",
        [
            DirectiveLocation.FieldDefinition,
            DirectiveLocation.ArgumentDefinition,
            DirectiveLocation.InputFieldDefinition,
            DirectiveLocation.EnumValue,
            DirectiveLocation.DirectiveDefinition,
        ])
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
        Arguments =
        [
            new InputValue("reason", new NonNullType(SpecifiedScalars.String))
            {
                Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
                DefaultValue = new StringValueNode(DefaultDeprecationReason),
            },
        ],
    };

    /// <summary>https://spec.graphql.org/September2025/#sec--specifiedBy</summary>
    public static DirectiveDefinition SpecifiedBy { get; } = new("specifiedBy", [DirectiveLocation.Scalar])
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
        Arguments =
        [
            new InputValue("url", new NonNullType(SpecifiedScalars.String))
            {
                Description = "The URL that specifies the behavior of this scalar.",
            },
        ],
    };

    /// <summary>https://spec.graphql.org/September2025/#sec--oneOf</summary>
    public static DirectiveDefinition OneOf { get; } = new("oneOf", [DirectiveLocation.InputObject])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>In graphql-js's order. @defer and @stream exist in graphql-js 17.1.0 but are not specified.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    public static bool IsSpecified(DirectiveDefinition directive) => Get(directive.Name) is not null;

    public static DirectiveDefinition? Get(string name) => name switch
    {
        "include" => Include,
        "skip" => Skip,
        "deprecated" => Deprecated,
        "specifiedBy" => SpecifiedBy,
        "oneOf" => OneOf,
        _ => null,
    };
}
