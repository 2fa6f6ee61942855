using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Authorization;

/// <summary>
/// <c>@skip</c> and <c>@include</c> (https://spec.graphql.org/September2025/#sec--skip) with the
/// request's variables, decided by the engine's own rule (<see cref="SkipInclude"/>): a field the
/// engine will not execute is not asked for, so it is not denied.
/// </summary>
internal static class SelectionConditions
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    /// <summary>Per occurrence, whether the engine will execute it (its enclosing field too).</summary>
    public static bool[] Active(OperationFields operation, IReadOnlyDictionary<string, object?>? variables)
    {
        var values = WithDefaults(operation.Operation, variables);
        var occurrences = operation.Occurrences;
        var active = new bool[occurrences.Count];
        for (var i = 0; i < occurrences.Count; i++)
        {
            var occurrence = occurrences[i];
            active[i] = (occurrence.Parent < 0 || active[occurrence.Parent]) && Included(occurrence.Conditions, values);
        }

        return active;
    }

    /// <summary>Whether every selection on the way to the occurrence, within its enclosing field, is executed.</summary>
    private static bool Included(IReadOnlyList<IReadOnlyList<DirectiveNode>> conditions, IReadOnlyDictionary<string, object?> values)
    {
        foreach (var directives in conditions)
        {
            if (!SkipInclude.ShouldInclude(directives, values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The request's variables, and the Boolean defaults of those it leaves out, as coercion gives them to the engine.</summary>
    private static IReadOnlyDictionary<string, object?> WithDefaults(OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables)
    {
        Dictionary<string, object?>? values = null;
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name.Value;
            if (definition.DefaultValue is BooleanValueNode fallback && variables?.ContainsKey(name) != true)
            {
                values ??= variables is null ? new(StringComparer.Ordinal) : new(variables, StringComparer.Ordinal);
                values[name] = fallback.Value;
            }
        }

        return values ?? variables ?? NoVariables;
    }
}
