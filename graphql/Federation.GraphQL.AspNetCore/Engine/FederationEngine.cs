using System.Buffers;
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

    public IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) => DocumentValidator.Validate(schema, document);

    public async ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
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
        return new Result(result);
    }

    private sealed class Result(ExecutionResult result) : IOperationResult
    {
        public bool HasData => result.HasData;

        public void WriteTo(IBufferWriter<byte> output) => result.WriteTo(output);
    }
}
