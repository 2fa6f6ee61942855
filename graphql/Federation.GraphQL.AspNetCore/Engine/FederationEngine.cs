using System.Buffers;
using Federation.GraphQL.AspNetCore.Http;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Validation;

namespace Federation.GraphQL.AspNetCore.Engine;

/// <summary>The engine of graphql/Federation.GraphQL behind the endpoint's seam.</summary>
internal sealed class FederationEngine(GraphQLEndpointOptions options) : IGraphQLEngine
{
    public DocumentNode Parse(string text, ParserOptions parserOptions) => Parser.Parse(text, parserOptions);

    public IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, CancellationToken cancellationToken) =>
        DocumentValidator.Validate(schema, document, cancellationToken);

    public async ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        if (options.Executor is { } executor)
        {
            return await executor.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var result = await Executor.ExecuteAsync(
            new ExecutionRequest
            {
                Schema = request.Schema,
                Document = request.Document,
                OperationName = request.Operation.Name?.Value,
                Variables = request.Variables,
                RootValue = options.RootValue,
                Context = request.Context,
                Services = request.Services,
            },
            cancellationToken);

        // Execution that ends before it begins (no data) failed on the request's variables:
        // a request error, coded like every other one the endpoint gives.
        return new Result(result.HasData ? result : new ExecutionResult(RequestFailure.WithCode(result.Errors, RequestErrorCodes.InvalidVariables)));
    }

    private sealed class Result(ExecutionResult result) : IOperationResult
    {
        public bool HasData => result.HasData;

        public void WriteTo(IBufferWriter<byte> output) => result.WriteTo(output);
    }
}
