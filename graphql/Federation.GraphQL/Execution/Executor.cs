using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types.SchemaValidation;

namespace Federation.GraphQL.Execution;

/// <summary>
/// Executes a validated document: https://spec.graphql.org/September2025/#sec-Execution
/// <code>
/// var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = document }, ct);
/// result.WriteTo(jsonWriter);
/// </code>
/// </summary>
public static class Executor
{
    /// <summary>
    /// Runs the request's operation. Problems with the request itself (which operation, variable
    /// values) give a result with errors and no data; errors in fields are reported beside the data.
    /// Completes synchronously when every resolver does. Cancelling stops the start of further
    /// resolvers and ends the call with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="InvalidSchemaException">
    /// The schema is invalid: graphql-js 17's execute throws from assertValidSchema before it looks at the request.
    /// </exception>
    public static ValueTask<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SchemaValidator.AssertValid(request.Schema);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ExecutionResult>(cancellationToken);
        }

        if (request.Prepared is { IsPrepared: true } prepared)
        {
            return new OperationRun(request, prepared.Operation, prepared.Fragments, prepared.Values, cancellationToken).RunAsync();
        }

        var operation = OperationSelection.Get(request.Document, request.OperationName, out var fragments, out var operationError);
        if (operation is null)
        {
            return new ValueTask<ExecutionResult>(new ExecutionResult([operationError!]));
        }

        List<GraphQLError>? variableErrors = null;
        var variables = operation.VariableDefinitions.Count == 0
            ? VariableValues.Empty
            : VariableValues.Coerce(request.Schema, operation.VariableDefinitions, request.Variables, variableErrors = []);
        if (variables is null)
        {
            return new ValueTask<ExecutionResult>(new ExecutionResult(variableErrors!));
        }

        return new OperationRun(request, operation, fragments, variables, cancellationToken).RunAsync();
    }
}
