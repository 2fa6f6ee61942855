using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Execution;

/// <summary>
/// <c>@skip</c> and <c>@include</c>: https://spec.graphql.org/September2025/#sec--skip and
/// #sec--include. The field collector asks it for every selection; a stage that must know before
/// execution which selections will run (a gateway's authorization, say) asks it the same way.
/// </summary>
public static class SkipInclude
{
    /// <summary>
    /// Whether a selection with <paramref name="directives"/> is executed: not when <c>@skip(if:)</c>
    /// is true or <c>@include(if:)</c> is false, with a variable's value read from
    /// <paramref name="variables"/> (the coerced values; a variable absent from them decides nothing).
    /// </summary>
    public static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name == "skip" && If(directive, variables) is true)
            {
                return false;
            }

            if (name == "include" && If(directive, variables) is false)
            {
                return false;
            }
        }

        return true;
    }

    private static bool? If(DirectiveNode directive, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value != "if")
            {
                continue;
            }

            return argument.Value switch
            {
                BooleanValueNode boolean => boolean.Value,
                VariableNode variable => variables.TryGetValue(variable.Name.Value, out var value) ? value as bool? : null,
                _ => null,
            };
        }

        return null;
    }
}
