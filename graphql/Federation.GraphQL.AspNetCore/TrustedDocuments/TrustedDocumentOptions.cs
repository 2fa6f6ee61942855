namespace Federation.GraphQL.AspNetCore.TrustedDocuments;

public enum TrustedDocumentMode
{
    /// <summary>Document ids are not understood; every request sends its document.</summary>
    Off,

    /// <summary>Known ids are resolved to their documents; documents sent in full run too.</summary>
    Allow,

    /// <summary>Only the trusted documents run: by id, or sent in full when their hash is known.</summary>
    Strict,
}

/// <summary>
/// Trusted (persisted) documents: operations registered ahead of time under the SHA-256 hash of
/// their text, sent as <c>documentId</c> ("sha256:&lt;hex&gt;" or bare hex) or as
/// <c>extensions.persistedQuery.sha256Hash</c>.
/// </summary>
public sealed class TrustedDocumentOptions
{
    public TrustedDocumentMode Mode { get; set; } = TrustedDocumentMode.Off;

    /// <summary>Lower-case hex SHA-256 of each document's UTF-8 text → the document.</summary>
    public IDictionary<string, string> Documents { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a document under the hash of its text and returns the hash.</summary>
    public string Add(string document)
    {
        var hash = DocumentId.Of(document);
        Documents[hash] = document;
        return hash;
    }
}
