using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Authorization;

/// <summary>
/// <c>@skip</c> and <c>@include</c> (https://spec.graphql.org/September2025/#sec--skip) with the
/// request's variables: a field the engine will not execute is not asked for, so it is not denied.
/// </summary>
internal static class SelectionConditions
{
    /// <summary>Per occurrence, whether the engine will execute it (its enclosing field too).</summary>
    public static bool[] Active(OperationFields operation, IReadOnlyDictionary<string, object?>? variables)
    {
        var occurrences = operation.Occurrences;
        var active = new bool[occurrences.Count];
        for (var i = 0; i < occurrences.Count; i++)
        {
            var occurrence = occurrences[i];
            active[i] = (occurrence.Parent < 0 || active[occurrence.Parent]) && Included(occurrence.Conditions, operation.Operation, variables);
        }

        return active;
    }

    private static bool Included(IReadOnlyList<IReadOnlyList<DirectiveNode>> conditions, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var directives in conditions)
        {
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if ((name == "skip" && If(directive, operation, variables) is true) || (name == "include" && If(directive, operation, variables) is false))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool? If(DirectiveNode directive, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value != "if")
            {
                continue;
            }

            switch (argument.Value)
            {
                case BooleanValueNode literal:
                    return literal.Value;
                case VariableNode variable:
                    if (variables is not null && variables.TryGetValue(variable.Name.Value, out var value))
                    {
                        return value as bool?;
                    }

                    foreach (var definition in operation.VariableDefinitions)
                    {
                        if (definition.Variable.Name.Value == variable.Name.Value)
                        {
                            return (definition.DefaultValue as BooleanValueNode)?.Value;
                        }
                    }

                    return null;
            }
        }

        return null;
    }
}
