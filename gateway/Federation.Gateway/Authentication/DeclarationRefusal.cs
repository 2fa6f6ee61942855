using System.Buffers;
using Federation.GraphQL;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Execution;

namespace Federation.Gateway.Authentication;

/// <summary>A request whose purpose declaration is bad: 400, the error, no <c>data</c>; nothing was fetched.</summary>
internal sealed class DeclarationRefusal(GraphQLError error) : IOperationResult
{
    public GraphQLError Error => error;

    public bool HasData => false;

    public int? StatusCode => 400;

    public void WriteTo(IBufferWriter<byte> output) => new ExecutionResult([error]).WriteTo(output);
}
