using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Building;

/// <summary>
/// Reads the specified directives that shape a built schema (@deprecated, @specifiedBy, @oneOf)
/// from where SDL applies them, with graphql-js's getDirectiveValues errors when they are misused.
/// </summary>
internal static class AppliedDirectiveValues
{
    /// <summary>https://spec.graphql.org/September2025/#sec--deprecated — the reason, or null when not deprecated.</summary>
    public static string? DeprecationReason(IHasDirectives node) =>
        Find(node, SpecifiedDirectives.Deprecated) is { } directive
            ? ReadString(directive, SpecifiedDirectives.Deprecated.Arguments[0]) ?? SpecifiedDirectives.DefaultDeprecationReason
            : null;

    /// <summary>https://spec.graphql.org/September2025/#sec--specifiedBy</summary>
    public static string? SpecifiedByUrl(IHasDirectives node) =>
        Find(node, SpecifiedDirectives.SpecifiedBy) is { } directive
            ? ReadString(directive, SpecifiedDirectives.SpecifiedBy.Arguments[0])
              ?? throw new GraphQLException(new GraphQLError("Argument \"@specifiedBy(url:)\" of type \"String!\" is required, but it was not provided."))
            : null;

    /// <summary>https://spec.graphql.org/September2025/#sec--oneOf</summary>
    public static bool IsOneOf(IHasDirectives node) => Find(node, SpecifiedDirectives.OneOf) is not null;

    private static DirectiveNode? Find(IHasDirectives node, DirectiveDefinition definition)
    {
        foreach (var directive in node.Directives)
        {
            if (directive.Name.Value == definition.Name)
            {
                return directive;
            }
        }

        return null;
    }

    /// <summary>The value of a String! argument, or null when it is not given.</summary>
    private static string? ReadString(DirectiveNode directive, InputValue argument)
    {
        foreach (var given in directive.Arguments)
        {
            if (given.Name.Value != argument.Name)
            {
                continue;
            }

            var coordinate = $"@{directive.Name.Value}({argument.Name}:)";
            return given.Value switch
            {
                StringValueNode text => text.Value,
                NullValueNode => throw new GraphQLException(new GraphQLError(
                    $"Argument \"{coordinate}\" has invalid value: Expected value of non-null type \"{argument.Type}\" not to be null.", given.Value)),
                _ => throw new GraphQLException(new GraphQLError(
                    $"Argument \"{coordinate}\" has invalid value: String cannot represent a non string value: {Printer.PrintForError(given.Value)}", given.Value)),
            };
        }

        return null;
    }
}
