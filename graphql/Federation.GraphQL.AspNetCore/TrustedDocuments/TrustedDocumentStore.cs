using Federation.GraphQL.AspNetCore.Http;

namespace Federation.GraphQL.AspNetCore.TrustedDocuments;

/// <summary>
/// Turns a request into the document text to run, through the trusted-document map when the
/// request names an id, and refuses untrusted documents in strict mode.
/// </summary>
internal sealed class TrustedDocumentStore
{
    private readonly TrustedDocumentMode mode;
    private readonly Dictionary<string, string> documents;
    private readonly HashSet<string> texts = new(StringComparer.Ordinal);

    public TrustedDocumentStore(TrustedDocumentOptions options)
    {
        mode = options.Mode;
        documents = new Dictionary<string, string>(options.Documents, StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents.Values)
        {
            texts.Add(document);
        }
    }

    public string? Resolve(GraphQLRequest request, out RequestFailure? failure)
    {
        failure = null;
        if (mode == TrustedDocumentMode.Off)
        {
            if (request.Query is null)
            {
                failure = RequestFailure.MissingQuery();
            }

            return request.Query;
        }

        var id = request.TrustedDocumentId;
        if (id is not null)
        {
            if (!documents.TryGetValue(id, out var trusted))
            {
                failure = RequestFailure.PersistedQueryNotFound(id);
                return null;
            }

            if (request.Query is not null && request.Query != trusted)
            {
                failure = RequestFailure.PersistedQueryHashMismatch(id);
                return null;
            }

            return trusted;
        }

        if (request.Query is null)
        {
            failure = RequestFailure.MissingQuery();
            return null;
        }

        // A document sent in full is trusted when it is one of the trusted texts: the same as its
        // SHA-256 being a trusted id, without hashing every request.
        if (mode == TrustedDocumentMode.Strict && !texts.Contains(request.Query))
        {
            failure = RequestFailure.TrustedDocumentRequired();
            return null;
        }

        return request.Query;
    }
}
