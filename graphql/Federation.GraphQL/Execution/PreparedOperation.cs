using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Execution;

/// <summary>
/// The first two steps of ExecuteRequest(), done once and kept: the operation to run
/// (https://spec.graphql.org/September2025/#GetOperation()) with the document's fragments, and
/// its variable values coerced (https://spec.graphql.org/September2025/#CoerceVariableValues()).
/// A host that must know before execution whether the variables coerce — a gateway that refuses
/// them before any subgraph is asked — prepares the operation and hands it to
/// <see cref="ExecutionRequest.Prepared"/>, so the executor neither looks the operation up nor
/// coerces the variables a second time. A struct: preparing allocates nothing beyond the coerced values.
/// </summary>
public readonly struct PreparedOperation
{
    private PreparedOperation(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, VariableValues values)
    {
        Operation = operation;
        Fragments = fragments;
        Values = values;
    }

    public OperationDefinitionNode Operation { get; }

    /// <summary>The document's fragments by name.</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>The coerced values by variable name; a variable neither given nor defaulted is absent.</summary>
    public IReadOnlyDictionary<string, object?> Variables => Values.Coerced;

    internal VariableValues Values { get; }

    /// <summary>
    /// Coerces <paramref name="variables"/> (as parsed from JSON) for <paramref name="operation"/>, already
    /// chosen from its document together with <paramref name="fragments"/> (<see cref="OperationSelection.Get"/>).
    /// </summary>
    /// <returns>False, with the coercion errors (graphql-js's messages, at most 50 and the limit error), when a variable does not coerce.</returns>
    public static bool TryPrepare(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?>? variables,
        out PreparedOperation prepared,
        out IReadOnlyList<GraphQLError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(fragments);
        if (operation.VariableDefinitions.Count == 0)
        {
            prepared = new PreparedOperation(operation, fragments, VariableValues.Empty);
            errors = [];
            return true;
        }

        var found = new List<GraphQLError>();
        var values = VariableValues.Coerce(schema, operation.VariableDefinitions, variables, found);
        prepared = values is null ? default : new PreparedOperation(operation, fragments, values);
        errors = found;
        return values is not null;
    }

    /// <summary>Chooses the operation of <paramref name="document"/> by <paramref name="operationName"/>, then coerces its variables.</summary>
    /// <returns>False, with the errors, when there is no such operation or a variable does not coerce.</returns>
    public static bool TryPrepare(
        Schema schema,
        DocumentNode document,
        string? operationName,
        IReadOnlyDictionary<string, object?>? variables,
        out PreparedOperation prepared,
        out IReadOnlyList<GraphQLError> errors)
    {
        var operation = OperationSelection.Get(document, operationName, out var fragments, out var operationError);
        if (operation is null)
        {
            prepared = default;
            errors = [operationError!];
            return false;
        }

        return TryPrepare(schema, operation, fragments, variables, out prepared, out errors);
    }

    /// <summary>Whether this is a prepared operation rather than the default value.</summary>
    public bool IsPrepared => Operation is not null;
}
