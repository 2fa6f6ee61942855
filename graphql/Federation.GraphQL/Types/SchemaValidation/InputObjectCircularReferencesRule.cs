using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "If an Input Object references itself either directly or through referenced Input Objects, at
/// least one of the fields in the chain of references must be either a nullable or a List type."
/// and, for OneOf Input Objects, "at least one of the fields [...] must reference a type other than
/// an Input Object that is part of the cycle" — an input object must be able to hold a finite value.
/// https://spec.graphql.org/September2025/#sec-Input-Objects.Circular-References
/// Collect every input object first (<see cref="Add"/>), then <see cref="Validate"/> once: which
/// types can hold a finite value is a fixed point over the whole schema.
/// </summary>
internal sealed class InputObjectCircularReferencesRule(SchemaValidationContext context)
{
    private readonly List<State> states = [];
    private readonly Dictionary<InputObjectType, State> stateByType = [];

    public void Add(InputObjectType inputObject)
    {
        var state = new State(inputObject);
        states.Add(state);
        stateByType[inputObject] = state;
    }

    public void Validate()
    {
        var finite = new Stack<State>();
        foreach (var state in states)
        {
            var fields = state.Type.Fields;
            foreach (var field in fields)
            {
                if (Target(state.Type, field.Type) is not { } target)
                {
                    continue;
                }

                state.Targets.Add((field, target));
                if (stateByType.TryGetValue(target, out var targetState))
                {
                    targetState.Dependents.Add(state);
                }
            }

            // A OneOf value needs one finite field; any other input object needs all of its required ones.
            if (state.Type.IsOneOf)
            {
                if (fields.Count == 0 || state.Targets.Count < fields.Count)
                {
                    MarkFinite(state, finite);
                }
            }
            else
            {
                state.UnresolvedTargets = state.Targets.Count;
                if (state.Targets.Count == 0)
                {
                    MarkFinite(state, finite);
                }
            }
        }

        while (finite.TryPop(out var resolved))
        {
            foreach (var dependent in resolved.Dependents)
            {
                if (dependent.HasFiniteValue)
                {
                    continue;
                }

                if (dependent.Type.IsOneOf || --dependent.UnresolvedTargets == 0)
                {
                    MarkFinite(dependent, finite);
                }
            }
        }

        var cycles = new CycleReporter(context, stateByType);
        foreach (var state in states)
        {
            if (!state.HasFiniteValue)
            {
                cycles.Report(state);
            }
        }
    }

    /// <summary>The input object a field forces a value of to have: any input object field of a OneOf, a Non-Null one otherwise.</summary>
    private static InputObjectType? Target(InputObjectType inputObject, GraphQLType fieldType)
    {
        if (inputObject.IsOneOf)
        {
            return fieldType as InputObjectType;
        }

        return fieldType is NonNullType { OfType: InputObjectType target } ? target : null;
    }

    private static void MarkFinite(State state, Stack<State> finite)
    {
        if (!state.HasFiniteValue)
        {
            state.HasFiniteValue = true;
            finite.Push(state);
        }
    }

    private sealed class State(InputObjectType type)
    {
        public InputObjectType Type { get; } = type;

        public List<(InputValue Field, InputObjectType Target)> Targets { get; } = [];

        public List<State> Dependents { get; } = [];

        public int UnresolvedTargets { get; set; }

        public bool HasFiniteValue { get; set; }
    }

    /// <summary>Walks the references among types without a finite value and reports each cycle once, as graphql-js does.</summary>
    private sealed class CycleReporter(SchemaValidationContext context, Dictionary<InputObjectType, State> stateByType)
    {
        private readonly HashSet<InputObjectType> visited = [];
        private readonly List<(string Coordinate, SyntaxNode? Definition)> fieldPath = [];
        private readonly Dictionary<InputObjectType, int> fieldPathIndexByType = [];

        public void Report(State state)
        {
            if (!visited.Add(state.Type))
            {
                return;
            }

            fieldPathIndexByType[state.Type] = fieldPath.Count;
            foreach (var (field, target) in state.Targets)
            {
                if (!stateByType.TryGetValue(target, out var targetState) || targetState.HasFiniteValue)
                {
                    continue;
                }

                fieldPath.Add((SchemaValidationContext.FieldCoordinate(state.Type, field.Name), field.Definition));
                if (fieldPathIndexByType.TryGetValue(target, out var cycleIndex))
                {
                    var cycle = fieldPath[cycleIndex..];
                    context.ReportError(
                        $"Input Object {target.Name} cannot be provided a finite value because it references itself through fields: {string.Join(", ", cycle.Select(step => step.Coordinate))}.",
                        cycle.ConvertAll(step => step.Definition));
                }
                else
                {
                    Report(targetState);
                }

                fieldPath.RemoveAt(fieldPath.Count - 1);
            }

            fieldPathIndexByType.Remove(state.Type);
        }
    }
}
