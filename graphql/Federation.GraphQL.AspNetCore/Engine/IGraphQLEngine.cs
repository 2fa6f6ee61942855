using System.Buffers;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.AspNetCore.Engine;

/// <summary>
/// The engine as the endpoint sees it: the one seam between HTTP and GraphQL. Everything HTTP
/// (negotiation, limits, caching, trusted documents) happens on this side of it.
/// </summary>
internal interface IGraphQLEngine
{
    /// <exception cref="GraphQLException">The text is not a GraphQL document or breaks a parser limit.</exception>
    DocumentNode Parse(string text, ParserOptions options);

    /// <exception cref="OperationCanceledException">The request's time ran out or its client went away.</exception>
    IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, CancellationToken cancellationToken);

    ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Runs admitted operations in place of the engine's executor — e.g. a federation gateway, which
/// plans the operation and fetches from subgraphs. Set it as <see cref="GraphQLEndpointOptions.Executor"/>.
/// </summary>
public interface IOperationExecutor
{
    ValueTask<IOperationResult> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken);
}

/// <summary>One operation to run, already parsed, validated and admitted.</summary>
/// <param name="DocumentText">The document's source text: the same text always parses to the same document, so it keys per-document caches (a gateway's query plans).</param>
public sealed record OperationRequest(
    Schema Schema,
    string DocumentText,
    DocumentNode Document,
    OperationDefinitionNode Operation,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, object?>? Extensions,
    object? Context,
    IServiceProvider Services)
{
    /// <summary>The document's fragments by name, found when <see cref="Operation"/> was chosen (<see cref="OperationSelection.Get"/>).</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; init; } = NoFragments;

    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> NoFragments = new Dictionary<string, FragmentDefinitionNode>();
}

/// <summary>What execution produced, able to write itself as the response body.</summary>
public interface IOperationResult
{
    /// <summary>False for a request error (e.g. variables that do not coerce): no "data" entry at all.</summary>
    bool HasData { get; }

    /// <summary>
    /// The HTTP status the result asks for (e.g. 401 or 403 from an authorizing executor); null for
    /// the endpoint's own choice (200, or 400 for a request error in application/graphql-response+json).
    /// </summary>
    int? StatusCode => null;

    void WriteTo(IBufferWriter<byte> output);
}
