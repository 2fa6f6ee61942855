namespace Federation.GraphQL.AspNetCore.Http;

/// <summary>
/// The request parameters: https://graphql.github.io/graphql-over-http/draft/#sec-Request-Parameters
/// plus <c>documentId</c> and <c>extensions.persistedQuery.sha256Hash</c> for trusted documents.
/// </summary>
internal sealed record GraphQLRequest(
    string? Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, object?>? Extensions,
    string? DocumentId)
{
    /// <summary>The trusted-document id the request names, from documentId or the persisted-query extension.</summary>
    public string? TrustedDocumentId
    {
        get
        {
            if (DocumentId is not null)
            {
                return DocumentId.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? DocumentId[7..] : DocumentId;
            }

            return Extensions is not null
                && Extensions.TryGetValue("persistedQuery", out var persisted)
                && persisted is IReadOnlyDictionary<string, object?> persistedQuery
                && persistedQuery.TryGetValue("sha256Hash", out var hash)
                ? hash as string
                : null;
        }
    }
}
