using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The fields a request really asks for: <c>@skip</c> and <c>@include</c>
/// (https://spec.graphql.org/September2025/#sec--skip) with the request's variables, decided by the
/// engine's own rule (<see cref="SkipInclude"/>) — a field the engine will not execute is not asked
/// for, so it is not denied. Linear in the document, as the engine's field collection is: a fragment
/// is entered once per request (the first time it is spread and included) — the spec's
/// <c>visitedFragments</c>, kept for the whole operation — so each field node is met at most once,
/// on the first response path that reaches it.
/// </summary>
internal static class SelectionConditions
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    /// <summary>What <see cref="Walk"/> calls per executed field: whether to go on into its selections.</summary>
    /// <param name="path">The response names from the root to the field (its own last); valid during the call only.</param>
    public delegate bool Visit(OperationField field, List<object> path);

    /// <summary>Calls <paramref name="visit"/> for each field node the engine will execute, parents before children; returns the work done.</summary>
    public static int Walk(OperationFields operation, IReadOnlyDictionary<string, object?>? variables, Visit visit)
    {
        var walk = new Walker(operation, WithDefaults(operation.Operation, variables), visit);
        walk.Selections(operation.Selections);
        return walk.Steps;
    }

    private sealed class Walker(OperationFields operation, IReadOnlyDictionary<string, object?> values, Visit visit)
    {
        private readonly HashSet<string> entered = new(StringComparer.Ordinal);
        private readonly List<object> path = [];

        public int Steps { get; private set; }

        public void Selections(Selection[] selections)
        {
            foreach (var selection in selections)
            {
                Steps++;
                if (selection.Directives.Count > 0 && !SkipInclude.ShouldInclude(selection.Directives, values))
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldSelection { Field: var field }:
                        path.Add(field.Node.ResponseName);
                        if (visit(field, path))
                        {
                            Selections(field.Selections);
                        }

                        path.RemoveAt(path.Count - 1);
                        break;
                    case InlineSelection inline:
                        Selections(inline.Selections);
                        break;
                    case SpreadSelection spread when entered.Add(spread.Fragment) && operation.Fragments.TryGetValue(spread.Fragment, out var fragment):
                        Selections(fragment);
                        break;
                }
            }
        }
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
